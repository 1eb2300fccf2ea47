/// An individual links all their credentials to an organization, severing any earlier link.
public struct IndividualAssociated: EventPayload {
  public static let typeName = "IndividualAssociated"
  /// The individual's id.
  public var individual: String
  /// The organization's id.
  public var org: String

  /// Creates the event.
  public init(individual: String, org: String) {
    self.individual = individual
    self.org = org
  }

  package init(reading fields: inout some FieldReading) throws(EventValidationError) {
    individual = try fields.string("individual")
    org = try fields.string("org")
  }

  package func write(to fields: inout FieldWriter) {
    fields.set("individual", individual)
    fields.set("org", org)
  }

  public var stream: StreamName { .individual(individual) }

  public var event: LedgerEvent { .individualAssociated(self) }
}
