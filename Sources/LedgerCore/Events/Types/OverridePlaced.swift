/// A Microsoft agent places an achievement override on a competency.
///
/// The override's reason is the event's common `reason` field.
public struct OverridePlaced: EventPayload {
  public static let typeName = "OverridePlaced"
  /// The organization's id.
  public var org: String
  /// The competency id.
  public var competency: String
  /// The level the override supports.
  public var level: Level
  /// The first day the override is gone; when absent, the catalog's default length applies.
  public var expires: CivilDate?

  /// Creates the event.
  public init(org: String, competency: String, level: Level, expires: CivilDate? = nil) {
    self.org = org
    self.competency = competency
    self.level = level
    self.expires = expires
  }

  package init(reading fields: inout some FieldReading) throws(EventValidationError) {
    competency = try fields.string("competency")
    expires = try fields.optionalDate("expires")
    level = try fields.choice("level", as: Level.self)
    org = try fields.string("org")
  }

  package func write(to fields: inout FieldWriter) {
    fields.set("org", org)
    fields.set("competency", competency)
    fields.set("level", level)
    fields.set("expires", expires)
  }

  public var stream: StreamName { .organization(org) }

  public var event: LedgerEvent { .overridePlaced(self) }
}
