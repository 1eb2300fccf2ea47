public import LedgerCore
public import Projections

/// Who a request is from: the actor its bearer token signs in, with the roles the ledger
/// grants that actor today.
public struct Principal: Sendable {
  /// The actor.
  public let actor: String
  /// The id of the token the request carried.
  public let token: String
  /// The actor's roles on the day of the request.
  public let roles: RoleBook

  /// Whether the actor sees every organization: Microsoft agents and auditors do.
  public var readsEveryOrganization: Bool { roles.holds(.microsoftAgent) || roles.holds(.auditor) }

  /// The organizations the actor administers (as Global or MPN Account admin).
  public var administeredOrganizations: Set<String> {
    Set(roles.holdings.filter { $0.role.isOrganizational }.compactMap(\.org))
  }

  /// Whether the actor may read the record of `individual`, whose certifications are linked
  /// to `org`: the individual themselves, Microsoft agents, auditors, and that organization's
  /// admins.
  public func mayRead(individual: String, linkedTo org: String?) -> Bool {
    actor == individual || readsEveryOrganization || org.map(administeredOrganizations.contains) == true
  }

  /// Whether the actor may read `org`'s status, profile, history, explanations and alerts.
  public func mayRead(_ org: String) -> Bool {
    readsEveryOrganization || administeredOrganizations.contains(org)
  }

  /// Refuses, with a 403 ``Problem`` naming `day`, an actor who may not read `org`.
  func requireRead(_ org: String, on day: CivilDate) throws {
    guard mayRead(org) else { throw Problem.forbidden("\(actor) may not read \(org): no role for it on \(day).") }
  }

  /// Refuses, with a 403 ``Problem``, alerts the actor may not read: those of `asked`
  /// unless they may read it, or (asking for none in particular) any, without a role that
  /// reads an organization.
  func requireAlerts(of asked: String?, on day: CivilDate) throws {
    if let asked { return try requireRead(asked, on: day) }
    guard readsEveryOrganization || !administeredOrganizations.isEmpty else {
      throw Problem.forbidden("\(actor) reads no organization's alerts: no role for one on \(day).")
    }
  }
}
