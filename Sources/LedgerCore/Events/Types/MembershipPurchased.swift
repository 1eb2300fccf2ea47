/// An organization buys a yearly membership at a level; the anniversary is one year on.
public struct MembershipPurchased: EventPayload {
  public static let typeName = "MembershipPurchased"
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

  public var event: LedgerEvent { .membershipPurchased(self) }
}
