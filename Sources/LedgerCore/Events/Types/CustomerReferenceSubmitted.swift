/// An organization submits a customer reference for an advanced specialization.
public struct CustomerReferenceSubmitted: EventPayload {
  public static let typeName = "CustomerReferenceSubmitted"
  /// The organization's id.
  public var org: String
  /// The specialization id.
  public var specialization: String
  /// The reference's id.
  public var reference: String
  /// The customer the reference is about.
  public var customer: String

  /// Creates the event.
  public init(org: String, specialization: String, reference: String, customer: String) {
    self.org = org
    self.specialization = specialization
    self.reference = reference
    self.customer = customer
  }

  package init(reading fields: inout some FieldReading) throws(EventValidationError) {
    customer = try fields.string("customer")
    org = try fields.string("org")
    reference = try fields.string("reference")
    specialization = try fields.string("specialization")
  }

  package func write(to fields: inout FieldWriter) {
    fields.set("org", org)
    fields.set("specialization", specialization)
    fields.set("reference", reference)
    fields.set("customer", customer)
  }

  public var stream: StreamName { .organization(org) }

  public var event: LedgerEvent { .customerReferenceSubmitted(self) }
}
