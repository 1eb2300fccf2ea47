public import LedgerCore
public import Projections

/// An individual's own record as one JSON document.
public enum IndividualDocument {
  /// `{"individual", "asOf", "org", "credentials": [{"credential", "earned", "expires", "inForce", "event"}]}`;
  /// `org` is `null` when the certifications are linked to no organization.
  public static func json(_ record: IndividualRecord) -> JSONValue {
    .object([
      ("individual", .string(record.individual)), ("asOf", .string(record.asOf.description)),
      ("org", record.link.map { .string($0.org) } ?? .null),
      (
        "credentials",
        .array(
          record.credentials.map { credential in
            .object([
              ("credential", .string(credential.credential)), ("earned", .string(credential.earned.description)),
              ("expires", credential.expires.map { .string($0.description) } ?? .null),
              ("inForce", .bool(credential.expires.map { record.asOf < $0 } ?? true)),
              ("event", .string(credential.event)),
            ])
          })
      ),
    ])
  }
}
