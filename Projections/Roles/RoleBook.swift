public import LedgerCore

/// The roles one actor holds on a day, folded from the grants and revocations of the actor's
/// stream in effective order.
public struct RoleBook: Equatable, Sendable {
  /// The actor.
  public let actor: String
  /// The roles held, with the organization of administrator roles.
  public private(set) var holdings: Set<Holding> = []

  /// One role, for one organization or program-wide.
  public struct Holding: Hashable, Sendable {
    /// The role.
    public let role: Role
    /// The organization, for an administrator role.
    public let org: String?
  }

  /// The roles `actor` holds on `date` from the events of its stream.
  public init(actor: String, events: [RecordedEvent], on date: CivilDate) {
    self.actor = actor
    for event in events.filter({ $0.effective <= date }).sorted(by: {
      ($0.effective, $0.position) < ($1.effective, $1.position)
    }) {
      switch event.event {
      case .roleGranted(let grant): holdings.insert(Holding(role: grant.role, org: grant.org))
      case .roleRevoked(let revoke): holdings.remove(Holding(role: revoke.role, org: revoke.org))
      default: break
      }
    }
  }

  /// Whether the actor holds `role` (for `org`, when it is an administrator role).
  public func holds(_ role: Role, for org: String? = nil) -> Bool {
    holdings.contains(Holding(role: role, org: role.isOrganizational ? org : nil))
  }
}
