/// An organization renews its membership; the anniversary moves one year on.
public struct MembershipRenewed: EventPayload {
  public static let typeName = "MembershipRenewed"
  /// The organization's id.
  public var org: String
  /// The membership level.
  public var level: Level

  /// Creates the event.
  public init(org: String, level: Level) {
    self.org = org
    self.level = level
  }

  package init(reading fields: inout some FieldReading) throws(EventValidationError) {
    level = try fields.choice("level", as: Level.self)
    org = try fields.string("org")
  }

  package func write(to fields: inout FieldWriter) {
    fields.set("org", org)
    fields.set("level", level)
  }

  public var stream: StreamName { .organization(org) }

  public var event: LedgerEvent { .membershipRenewed(self) }
}
