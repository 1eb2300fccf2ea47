import LedgerCatalog
import LedgerCore
import LedgerQueries
import Projections

/// One decision's view of the ledger: the log as known at one head position, the day, the
/// actor and the rules in force that day.
struct CommandContext {
  let log: any EventLog
  let catalogs: CatalogHistory
  let actor: String
  let date: CivilDate
  let head: Int64
  /// The role the actor says it acts in, when it says so (an appended line's `actor.role`).
  let claimedRole: String?

  init(
    log: any EventLog, catalogs: CatalogHistory, actor: String, date: CivilDate, claimedRole: String? = nil
  ) async throws {
    self.log = log
    self.catalogs = catalogs
    self.actor = actor
    self.date = date
    self.claimedRole = claimedRole
    self.head = try await log.headPosition()
  }

  var catalog: Catalog { catalogs.catalog(on: date) }

  /// The actor acts in one of `roles` (for `org`), or is `individual` when `.individual` is
  /// allowed; the role it acts in (the claimed one, when a role is claimed). The `system`
  /// actor passes no role check here: it records ungated facts and bootstraps roles
  /// (``decideRole(subject:role:org:granting:)``), nothing else.
  ///
  /// Roles are read from the grants as known at the head when the action is recorded: a
  /// grant recorded later, even backdated, cannot make this action legitimate.
  /// - Throws: ``CommandRefusal`` naming who may, when it holds none.
  func authorize(_ roles: [Role], org: String? = nil, individual: String? = nil, to action: String) async throws -> Role
  {
    let who = roles.map { Self.words(for: $0, org: org, individual: individual) }.joined(separator: " or ")
    if actor == CommandHandler.systemActor {
      throw CommandRefusal.role("Only \(who) may \(action); the system records no such action.")
    }
    var allowed = roles
    if let claimedRole {
      guard let claimed = Role(rawValue: claimedRole), roles.contains(claimed) else {
        throw CommandRefusal.role("Only \(who) may \(action); \(actor) claims the role \(claimedRole).")
      }
      allowed = [claimed]
    }
    if allowed.contains(.individual), actor == individual { return .individual }
    let book = RoleBook(actor: actor, events: try await log.events(in: .actor(actor), knownAt: head), on: date)
    if let role = allowed.first(where: { $0.isGrantable && book.holds($0, for: org) }) { return role }
    throw CommandRefusal.role("Only \(who) may \(action); \(actor) holds no such role on \(date).")
  }

  static func words(for role: Role, org: String?, individual: String?) -> String {
    switch role {
    case .globalAdmin: "a Global admin of \(org ?? "the organization")"
    case .accountAdmin: "an MPN Account admin of \(org ?? "the organization")"
    case .microsoftAgent: "a Microsoft agent"
    case .auditor: "an auditor"
    case .individual: "\(individual ?? "the individual") themselves"
    case .system: "the system"
    }
  }

  /// The organization's status on the day; refused when it is not enrolled.
  func status(of org: String) async throws -> OrganizationStatus {
    let status: OrganizationStatus
    do {
      status = try await OrganizationQuery(log: log, catalogs: catalogs).status(of: org, asOf: date, knownAt: head)
    } catch is UnknownOrganization {
      throw CommandRefusal("Organization \(org) is not enrolled in the program.")
    }
    guard status.name != nil else { throw CommandRefusal("Organization \(org) is not enrolled in the program.") }
    return status
  }

  /// The visible events of `stream` effective on or before the day, in effective order.
  func history(of stream: StreamName) async throws -> [RecordedEvent] {
    try await log.events(in: stream, knownAt: head).filter { $0.effective <= date }
      .sorted { ($0.effective, $0.position) < ($1.effective, $1.position) }
  }
}
