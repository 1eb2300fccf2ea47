public import LedgerCore
public import LedgerQueries

/// Delivers alerts to one sink at least once, in order, never skipping: each alert the sink
/// has not acknowledged is delivered, then acknowledged in the database, before the next.
/// A crash between the two redelivers that alert, with the same id, on the next run.
///
/// Only the holder of the sink's lease delivers; a second courier on the same sink is
/// refused until the lease runs out or its holder's process is gone.
public final class Courier {
  /// The sink's address; its ``SinkAddress/progressKey`` names its progress.
  public let sink: SinkAddress
  private var key: String { sink.progressKey }
  private let deliverer: any AlertSink
  private let progress: any DeliveryProgress
  private let clock: LedgerClock
  private let holder = LeaseHolder.current()
  private let leaseMicroseconds: Int64
  private var lease: SinkLease?
  /// Alerts delivered and acknowledged by this courier, over all its passes.
  private var deliveries = 0

  /// Creates a courier; it delivers nothing until it holds the lease (``acquireLease()``).
  public init(
    sink: SinkAddress, deliverer: any AlertSink, progress: any DeliveryProgress, clock: LedgerClock = .system,
    leaseSeconds: Int64 = 300
  ) {
    self.sink = sink
    self.deliverer = deliverer
    self.progress = progress
    self.clock = clock
    self.leaseMicroseconds = leaseSeconds * 1_000_000
  }

  /// Takes the sink's lease unless another live courier holds it.
  /// - Returns: `nil` when taken, else the lease that stands in the way.
  public func acquireLease() async throws -> SinkLease? {
    if sink.fullText != key { try await progress.moveProgress(from: sink.fullText, to: key) }
    let current = try await progress.lease(of: key)
    if let current, current.holder != holder.text, current.expires > clock.now(),
      !(LeaseHolder(current.holder)?.isGone ?? false)
    {
      return current
    }
    let claimed = newLease()
    guard try await progress.claimLease(claimed, replacing: current) else {
      return try await progress.lease(of: key) ?? current
    }
    lease = claimed
    return nil
  }

  /// Delivers, in order, every alert of `alerts` the sink has not acknowledged.
  /// - Returns: how many were delivered.
  /// - Throws: ``DeliveryFailure`` (the sink stops there: nothing after it is delivered);
  ///   ``LeaseLost`` when another courier took the sink over.
  public func deliver(_ alerts: [Alert]) async throws -> Int {
    let acknowledged = try await progress.acknowledgedAlerts(sink: key, among: alerts.map(\.id))
    var delivered = 0
    for alert in alerts where !acknowledged.contains(alert.id) {
      try await extendLease()
      try await deliverer.deliver(alert)
      deliveries += 1
      CrashPoint.reach("notify.delivered", count: deliveries)
      guard try await progress.acknowledge(sink: key, alert: alert.id, at: clock.now(), holder: holder.text)
      else { throw LeaseLost(sink: sink.description) }
      CrashPoint.reach("notify.acknowledged", count: deliveries)
      delivered += 1
    }
    return delivered
  }

  /// Delivers, in order, the alerts of the read models in `store` due through `day` that
  /// arrived or fell due since this sink's last complete pass (and that it has not
  /// acknowledged), then moves the sink's cursor past them. A pass that stops early leaves
  /// the cursor, so the next offers the same alerts again (the acknowledged ones skipped).
  /// - Returns: how many were delivered.
  public func deliverDue(through day: CivilDate, from store: any ReadModelStore) async throws -> Int {
    let (due, next) = try await store.alertsDue(after: store.alertCursor(sink: key), through: day)
    let delivered = try await deliver(due.map(Alert.init))
    try await store.saveAlertCursor(next, sink: key)
    return delivered
  }

  /// Gives the lease up.
  public func releaseLease() async throws {
    if let lease { try await progress.releaseLease(lease) }
    lease = nil
  }

  /// Extends the lease when half of it has run, and makes sure it is still ours.
  public func extendLease() async throws {
    guard let lease else { throw LeaseLost(sink: sink.description) }
    guard lease.expires.microseconds - clock.now().microseconds < leaseMicroseconds / 2 else { return }
    let extended = newLease()
    guard try await progress.claimLease(extended, replacing: lease) else { throw LeaseLost(sink: sink.description) }
    self.lease = extended
  }

  private func newLease() -> SinkLease {
    SinkLease(
      sink: key, holder: holder.text,
      expires: RecordedInstant(microseconds: clock.now().microseconds + leaseMicroseconds))
  }
}

/// Another courier took the sink's lease over: this one must stop delivering.
public struct LeaseLost: Error, CustomStringConvertible {
  /// The sink.
  public let sink: String

  public var description: String { "sink \(sink): another notify process took the lease over" }
}
