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

  package init(reading fields: inout FieldReader) throws(EventValidationError) {
    org = try fields.string("org")
    level = try fields.choice("level", as: Level.self)
  }

  package func write(to fields: inout FieldWriter) {
    fields.set("org", org)
    fields.set("level", level)
  }

  public var stream: StreamName { .organization(org) }
}
