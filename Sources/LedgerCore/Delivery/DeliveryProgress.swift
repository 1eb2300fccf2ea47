/// Where notification sinks keep their progress, beside the log: which alerts each sink has
/// acknowledged, and which process holds the sink's lease. Each backend keeps it beside its
/// log (the SQLite file, the PostgreSQL database), so this contract lives with the log's.
public protocol DeliveryProgress: AnyObject {
  /// Which of `alerts` (ids) `sink` has acknowledged: a pass looks up what it offers, not
  /// everything the sink ever received.
  func acknowledgedAlerts(sink: String, among alerts: [String]) async throws -> Set<String>

  /// Records that `sink` acknowledged `alert`, if `holder` still holds the sink's lease.
  /// - Returns: `false`, recording nothing, when the lease is held by someone else.
  func acknowledge(sink: String, alert: String, at instant: RecordedInstant, holder: String) async throws -> Bool

  /// The sink's lease, if any was ever taken.
  func lease(of sink: String) async throws -> SinkLease?

  /// Takes or extends the sink's lease when it is still `current` (compare and swap).
  /// - Returns: whether `lease` is now stored.
  func claimLease(_ lease: SinkLease, replacing current: SinkLease?) async throws -> Bool

  /// Gives the lease up when `lease` still holds it.
  func releaseLease(_ lease: SinkLease) async throws

  /// Moves the progress kept under `old` (a sink named by its full address before secrets
  /// were hidden) to `new`, so nothing is delivered again and no secret stays stored.
  func moveProgress(from old: String, to new: String) async throws
}

/// Which process delivers to a sink, until when.
public struct SinkLease: Equatable, Sendable {
  /// The sink's address (`file:/var/alerts.ndjson`).
  public let sink: String
  /// Who holds it: `host pid token`.
  public let holder: String
  /// When it runs out unless extended.
  public let expires: RecordedInstant

  /// Creates a lease.
  public init(sink: String, holder: String, expires: RecordedInstant) {
    self.sink = sink
    self.holder = holder
    self.expires = expires
  }
}
