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
}
