public import LedgerCatalog
public import LedgerCore
import Projections

/// The alerts of one organization or of all, in the order they are delivered: effective day,
/// then organization, then the order the replay produced them.
///
/// As known at the head, when the read models are folded through it, the alerts come from
/// the models (and, for an organization whose model does not reach the last day asked
/// about, from its replay); as known at any other position, every organization is replayed.
public struct AlertFeed {
  /// The log.
  public let log: any EventLog
  /// The rules.
  public let catalogs: CatalogHistory
  /// The read models, when the backend keeps them.
  public let projector: Projector?

  /// Creates a feed over `log` with `catalogs`, answering from `projector`'s read models when
  /// they are current.
  public init(log: any EventLog, catalogs: CatalogHistory, projector: Projector? = nil) {
    self.log = log
    self.catalogs = catalogs
    self.projector = projector
  }

  /// The alerts effective from `from` (when given) through `end`, of `org` or of every
  /// organization, as known at `knownAt`.
  /// - Throws: ``UnknownOrganization`` for an organization no visible event names.
  public func alerts(
    org: String? = nil, from: CivilDate? = nil, through end: CivilDate, knownAt: Int64
  ) async throws
    -> [Alert]
  {
    var keyed: [(key: AlertOrder, alert: Alert)] = []
    var replayed: [String]
    let checkpoint = projector.map { ReadModelCheckpoint(position: knownAt, rules: $0.rules) }
    if let projector, let checkpoint,
      let answer = try await projector.log.projectedAlerts(org: org, from: from, through: end, at: checkpoint)
    {
      replayed = answer.replay
      for projected in answer.alerts {
        let order = AlertOrder(day: projected.effective.dayNumber, org: projected.org, sequence: projected.sequence)
        keyed.append((order, try Alert(projected)))
      }
    } else {
      if let org { replayed = [org] } else { replayed = try await log.organizations() }
    }
    let replays = try await OrganizationQuery(log: log, catalogs: catalogs).replays(of: replayed, knownAt: knownAt) {
      Alert.all(of: $0, through: end)
    }
    for (candidate, alerts) in zip(replayed, replays) {
      guard let alerts else {
        if let org { throw UnknownOrganization(org: org, knownAt: knownAt) }
        continue
      }
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
