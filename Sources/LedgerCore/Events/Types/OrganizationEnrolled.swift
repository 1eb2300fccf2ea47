/// An organization joins the partner network.
public struct OrganizationEnrolled: EventPayload {
  public static let typeName = "OrganizationEnrolled"
  /// The organization's id.
  public var org: String
  /// Its display name.
  public var name: String
  /// Its market class, which selects performance thresholds.
  public var market: Market

  /// Creates the event.
  public init(org: String, name: String, market: Market = .developed) {
    self.org = org
    self.name = name
    self.market = market
  }

  package init(reading fields: inout some FieldReading) throws(EventValidationError) {
    market = try fields.choice("market", as: Market.self, default: .developed)
    name = try fields.text("name")
    org = try fields.string("org")
  }

  package func write(to fields: inout FieldWriter) {
    fields.set("org", org)
    fields.set("name", name)
    fields.set("market", market)
  }

  public var stream: StreamName { .organization(org) }

  public var event: LedgerEvent { .organizationEnrolled(self) }
}
