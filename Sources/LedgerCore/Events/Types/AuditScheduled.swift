/// An organization schedules the third-party audit of an advanced specialization.
public struct AuditScheduled: EventPayload {
  public static let typeName = "AuditScheduled"
  /// The organization's id.
  public var org: String
  /// The specialization id.
  public var specialization: String
  /// The audit firm or auditor, when known.
  public var auditor: String?

  /// Creates the event.
  public init(org: String, specialization: String, auditor: String? = nil) {
    self.org = org
    self.specialization = specialization
    self.auditor = auditor
  }

  package init(reading fields: inout some FieldReading) throws(EventValidationError) {
    auditor = try fields.optionalString("auditor")
    org = try fields.string("org")
    specialization = try fields.string("specialization")
  }

  package func write(to fields: inout FieldWriter) {
    fields.set("org", org)
    fields.set("specialization", specialization)
    fields.set("auditor", auditor)
  }

  public var stream: StreamName { .organization(org) }

  public var event: LedgerEvent { .auditScheduled(self) }
}
