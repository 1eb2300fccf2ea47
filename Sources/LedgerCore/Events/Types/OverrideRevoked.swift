/// A Microsoft agent ends an override early.
public struct OverrideRevoked: EventPayload {
  public static let typeName = "OverrideRevoked"
  /// The organization's id.
  public var org: String
  /// The competency id.
  public var competency: String

  /// Creates the event.
  public init(org: String, competency: String) {
    self.org = org
    self.competency = competency
  }

  package init(reading fields: inout FieldReader) throws(EventValidationError) {
    org = try fields.string("org")
    competency = try fields.string("competency")
  }

  package func write(to fields: inout FieldWriter) {
    fields.set("org", org)
    fields.set("competency", competency)
  }

  public var stream: StreamName { .organization(org) }
}
