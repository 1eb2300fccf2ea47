public import LedgerCatalog
public import LedgerCore
import Projections

/// The alerts of one organization or of all, in the order they are delivered: effective day,
/// then organization, then the order the replay produced them.
public struct AlertFeed {
  /// The log.
  public let log: any EventLog
  /// The rules.
  public let catalogs: CatalogHistory

  /// Creates a feed over `log` with `catalogs`.
  public init(log: any EventLog, catalogs: CatalogHistory) {
    self.log = log
    self.catalogs = catalogs
  }

  /// The alerts effective from `from` (when given) through `end`, of `org` or of every
  /// organization, as known at `knownAt`.
  /// - Throws: ``UnknownOrganization`` for an organization no visible event names.
  public func alerts(
    org: String? = nil, from: CivilDate? = nil, through end: CivilDate, knownAt: Int64
  ) async throws
    -> [Alert]
  {
    let query = OrganizationQuery(log: log, catalogs: catalogs)
    var keyed: [(key: AlertOrder, alert: Alert)] = []
    let candidates: [String]
    if let org { candidates = [org] } else { candidates = try await log.organizations() }
    for candidate in candidates {
      let timeline: OrganizationTimeline
      do {
        timeline = try await query.timeline(of: candidate, knownAt: knownAt)
      } catch is UnknownOrganization where org == nil {
        continue
      }
      let (transitions, reminders) = timeline.alerts(through: end)
      let alerts =
        transitions.map { Alert(org: candidate, transition: $0) }
        + reminders.map { Alert(org: candidate, reminder: $0) }
      for (sequence, alert) in alerts.enumerated() where from.map({ alert.effective >= $0 }) ?? true {
        keyed.append((AlertOrder(day: alert.effective.dayNumber, org: candidate, sequence: sequence), alert))
      }
    }
    return keyed.sorted { $0.key < $1.key }.map(\.alert)
  }
}

/// Delivery order: day, organization, then the replay's order (transitions before reminders).
private struct AlertOrder: Comparable {
  let day: Int
  let org: String
  let sequence: Int

  static func < (lhs: AlertOrder, rhs: AlertOrder) -> Bool {
    (lhs.day, lhs.org, lhs.sequence) < (rhs.day, rhs.org, rhs.sequence)
  }
}
