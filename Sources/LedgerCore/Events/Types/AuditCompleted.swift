/// The auditor records the result of an advanced specialization audit.
public struct AuditCompleted: EventPayload {
  public static let typeName = "AuditCompleted"
  /// The organization's id.
  public var org: String
  /// The specialization id.
  public var specialization: String
  /// Pass or No Pass.
  public var result: AuditResult

  /// Creates the event.
  public init(org: String, specialization: String, result: AuditResult) {
    self.org = org
    self.specialization = specialization
    self.result = result
  }

  package init(reading fields: inout some FieldReading) throws(EventValidationError) {
    org = try fields.string("org")
    result = try fields.choice("result", as: AuditResult.self)
    specialization = try fields.string("specialization")
  }

  package func write(to fields: inout FieldWriter) {
    fields.set("org", org)
    fields.set("specialization", specialization)
    fields.set("result", result)
  }

  public var stream: StreamName { .organization(org) }

  public var event: LedgerEvent { .auditCompleted(self) }
}
