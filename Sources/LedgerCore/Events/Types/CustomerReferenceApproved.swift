/// A Microsoft agent approves a customer reference.
public struct CustomerReferenceApproved: EventPayload {
  public static let typeName = "CustomerReferenceApproved"
  /// The organization's id.
  public var org: String
  /// The specialization id.
  public var specialization: String
  /// The reference's id.
  public var reference: String

  /// Creates the event.
  public init(org: String, specialization: String, reference: String) {
    self.org = org
    self.specialization = specialization
    self.reference = reference
  }

  package init(reading fields: inout some FieldReading) throws(EventValidationError) {
    org = try fields.string("org")
    reference = try fields.string("reference")
    specialization = try fields.string("specialization")
  }

  package func write(to fields: inout FieldWriter) {
    fields.set("org", org)
    fields.set("specialization", specialization)
    fields.set("reference", reference)
  }

  public var stream: StreamName { .organization(org) }

  public var event: LedgerEvent { .customerReferenceApproved(self) }
}
