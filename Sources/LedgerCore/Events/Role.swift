/// A role an actor holds in the program. Administrators hold theirs for one organization;
/// Microsoft agents and auditors for the whole program. `individual` (acting for oneself) and
/// `system` (whoever can write the database) are never granted: they follow from who acts.
public enum Role: String, CaseIterable, Sendable {
  /// Global admin of an organization.
  case globalAdmin = "global-admin"
  /// MPN account admin of an organization.
  case accountAdmin = "account-admin"
  /// A Microsoft agent: places overrides, approves references.
  case microsoftAgent = "microsoft-agent"
  /// A third-party auditor: records audit results.
  case auditor
  /// An individual acting for themselves.
  case individual
  /// The ledger's own operator.
  case system

  /// Whether the role is held for one organization (administrators) rather than program-wide.
  public var isOrganizational: Bool { self == .globalAdmin || self == .accountAdmin }

  /// Whether the role is granted by an event (not `individual` or `system`).
  public var isGrantable: Bool { self != .individual && self != .system }

  /// Refuses a role that is never granted, an administrator role without an organization and
  /// a program-wide role with one.
  func checkScope(org: String?) throws(EventValidationError) {
    guard isGrantable else { throw EventValidationError("role \"\(rawValue)\" is never granted") }
    if isOrganizational, org == nil { throw EventValidationError("role \"\(rawValue)\" needs \"org\"") }
    if !isOrganizational, org != nil { throw EventValidationError("role \"\(rawValue)\" is program-wide: no \"org\"") }
  }
}
