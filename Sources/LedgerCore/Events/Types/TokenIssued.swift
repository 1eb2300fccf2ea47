/// The operator issues a bearer token to an actor for the HTTP interface: the ledger records
/// the token's id and the SHA-256 digest of its secret, never the secret.
public struct TokenIssued: EventPayload {
  public static let typeName = "TokenIssued"
  /// The actor the token authenticates.
  public var subject: String
  /// The token's id (the first 16 hex digits of its digest), named to revoke it.
  public var token: String
  /// The lowercase hex SHA-256 digest of the whole token.
  public var digest: String
  /// The first day the token is refused; when absent, it lasts until revoked.
  public var expires: CivilDate?

  /// Creates the event.
  public init(subject: String, token: String, digest: String, expires: CivilDate? = nil) {
    self.subject = subject
    self.token = token
    self.digest = digest
    self.expires = expires
  }

  package init(reading fields: inout some FieldReading) throws(EventValidationError) {
    digest = try fields.string("digest")
    expires = try fields.optionalDate("expires")
    subject = try fields.string("subject")
    token = try fields.string("token")
    guard digest.utf8.count == 64, digest.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
    else { throw EventValidationError("\"digest\" must be 64 lowercase hex digits") }
    guard digest.hasPrefix(token), token.utf8.count == 16 else {
      throw EventValidationError("\"token\" must be the first 16 hex digits of \"digest\"")
    }
  }

  package func write(to fields: inout FieldWriter) {
    fields.set("subject", subject)
    fields.set("token", token)
    fields.set("digest", digest)
    fields.set("expires", expires)
  }

  public var stream: StreamName { .actor(subject) }

  public var event: LedgerEvent { .tokenIssued(self) }
}
