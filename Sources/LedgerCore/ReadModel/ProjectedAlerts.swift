/// The read models' answer to an alerts question, read from one snapshot: the alerts they
/// hold, and the organizations they cannot answer for (whose alerts must be replayed).
public struct ProjectedAlerts: Equatable, Sendable {
  /// The alerts, in delivery order (day, organization, sequence).
  public let alerts: [ProjectedAlert]
  /// The organizations asked about whose models end before the last day asked about, or
  /// (when one organization was asked about) that has no model.
  public let replay: [String]

  /// Creates an answer.
  public init(alerts: [ProjectedAlert], replay: [String]) {
    self.alerts = alerts
    self.replay = replay
  }
}
