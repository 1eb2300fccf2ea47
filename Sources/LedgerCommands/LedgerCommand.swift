public import LedgerCore

/// A request to record a new fact now, which the program's gates and roles may refuse
/// (unlike `ledger append`, which imports facts that already happened).
public enum LedgerCommand: Equatable, Sendable {
  /// Grant `role` to `subject` (for `org` when it is an administrator role).
  case grant(subject: String, role: Role, org: String?)
  /// Take `role` away from `subject`.
  case revoke(subject: String, role: Role, org: String?)
  /// Link the individual's credentials to the organization, severing the earlier link.
  case associate(individual: String, org: String)
  /// The individual leaves the organization.
  case depart(individual: String, org: String)
  /// Buy a membership.
  case purchase(org: String, level: Level)
  /// Renew the membership in its renewal window.
  case renew(org: String, level: Level)
  /// Place an achievement override.
  case placeOverride(org: String, competency: String, level: Level, reason: String, expires: CivilDate?)
  /// Revoke the override of a competency.
  case revokeOverride(org: String, competency: String)
  /// Schedule the third-party audit of a specialization.
  case scheduleAudit(org: String, specialization: String)
  /// Record the result of a scheduled audit.
  case recordAudit(org: String, specialization: String, result: AuditResult)
  /// Submit a customer reference.
  case submitReference(org: String, specialization: String, reference: String, customer: String)
  /// Approve a submitted reference.
  case approveReference(org: String, specialization: String, reference: String)
  /// Reject a submitted reference.
  case rejectReference(org: String, specialization: String, reference: String)
  /// Issue a bearer token to `subject`: its id, the digest of its secret, and the first day
  /// it is refused (none: until revoked).
  case issueToken(subject: String, token: String, digest: String, expires: CivilDate?)
  /// Revoke one of `subject`'s tokens.
  case revokeToken(subject: String, token: String)
}

extension LedgerCommand {
  /// The command with every name in ``CanonicalText`` form, as `ledger append` reads input.
  /// - Throws: ``EventValidationError`` naming the first name no input may hold.
  public func canonical() throws(EventValidationError) -> LedgerCommand {
    func id(_ text: String, _ field: String) throws(EventValidationError) -> String {
      try CanonicalText.canonical(text, field: field, kind: .identifier)
    }
    switch self {
    case .grant(let subject, let role, let org):
      return .grant(
        subject: try id(subject, "subject"), role: role,
        org: try org.map { o throws(EventValidationError) in try id(o, "org") })
    case .revoke(let subject, let role, let org):
      return .revoke(
        subject: try id(subject, "subject"), role: role,
        org: try org.map { o throws(EventValidationError) in try id(o, "org") })
    case .associate(let individual, let org):
      return .associate(individual: try id(individual, "individual"), org: try id(org, "org"))
    case .depart(let individual, let org):
      return .depart(individual: try id(individual, "individual"), org: try id(org, "org"))
    case .purchase(let org, let level): return .purchase(org: try id(org, "org"), level: level)
    case .renew(let org, let level): return .renew(org: try id(org, "org"), level: level)
    case .placeOverride(let org, let competency, let level, let reason, let expires):
      return .placeOverride(
        org: try id(org, "org"), competency: try id(competency, "competency"), level: level,
        reason: try CanonicalText.canonical(reason, field: "reason", kind: .text), expires: expires)
    case .revokeOverride(let org, let competency):
      return .revokeOverride(org: try id(org, "org"), competency: try id(competency, "competency"))
    case .scheduleAudit(let org, let specialization):
      return .scheduleAudit(org: try id(org, "org"), specialization: try id(specialization, "specialization"))
    case .recordAudit(let org, let specialization, let result):
      return .recordAudit(
        org: try id(org, "org"), specialization: try id(specialization, "specialization"), result: result)
    case .submitReference(let org, let specialization, let reference, let customer):
      return .submitReference(
        org: try id(org, "org"), specialization: try id(specialization, "specialization"),
        reference: try id(reference, "reference"), customer: try id(customer, "customer"))
    case .approveReference(let org, let specialization, let reference):
      return .approveReference(
        org: try id(org, "org"), specialization: try id(specialization, "specialization"),
        reference: try id(reference, "reference"))
    case .rejectReference(let org, let specialization, let reference):
      return .rejectReference(
        org: try id(org, "org"), specialization: try id(specialization, "specialization"),
        reference: try id(reference, "reference"))
    case .issueToken(let subject, let token, let digest, let expires):
      return .issueToken(subject: try id(subject, "subject"), token: token, digest: digest, expires: expires)
    case .revokeToken(let subject, let token):
      return .revokeToken(subject: try id(subject, "subject"), token: try id(token, "token"))
    }
  }
}
