/// An actor loses a role: an administrator role for one organization, or a program-wide
/// role (Microsoft agent, auditor).
public struct RoleRevoked: EventPayload {
  public static let typeName = "RoleRevoked"
  /// The actor the role is about.
  public var subject: String
  /// The role.
  public var role: Role
  /// The organization, for an administrator role.
  public var org: String?

  /// Creates the event.
  public init(subject: String, role: Role, org: String? = nil) {
    self.subject = subject
    self.role = role
    self.org = org
  }

  package init(reading fields: inout some FieldReading) throws(EventValidationError) {
    org = try fields.optionalString("org")
    role = try fields.choice("role", as: Role.self)
    subject = try fields.string("subject")
    try role.checkScope(org: org)
  }

  package func write(to fields: inout FieldWriter) {
    fields.set("subject", subject)
    fields.set("role", role)
    fields.set("org", org)
  }

  public var stream: StreamName { .actor(subject) }

  public var event: LedgerEvent { .roleRevoked(self) }
}
