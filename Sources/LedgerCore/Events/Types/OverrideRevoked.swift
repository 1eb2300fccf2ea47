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

  package init(reading fields: inout some FieldReading) throws(EventValidationError) {
    competency = try fields.string("competency")
    org = try fields.string("org")
  }

  package func write(to fields: inout FieldWriter) {
    fields.set("org", org)
    fields.set("competency", competency)
  }

  public var stream: StreamName { .organization(org) }

  public var event: LedgerEvent { .overrideRevoked(self) }
}
