public import LedgerCore
import PostgresNIO

extension PostgresEventLog: DeliveryProgress {
  public func acknowledgedAlerts(sink: String, among alerts: [String]) async throws -> Set<String> {
    Set(
      try await rows(
        "SELECT alert FROM sink_acknowledgements WHERE sink = \(sink) AND alert = ANY(\(alerts)::text[])",
        doing: "reading \(sink)'s acknowledgements"
      ).map { try $0.decode(String.self) })
  }

  public func acknowledge(
    sink: String, alert: String, at instant: RecordedInstant, holder: String
  ) async throws
    -> Bool
  {
    try await unitOfWork(holding: PostgresSchema.deliveryLock) {
      guard try await lease(of: sink)?.holder == holder else { return false }
      try await rows(
        """
        INSERT INTO sink_acknowledgements (sink, alert, acknowledged) VALUES (\(sink), \(alert), \(instant.microseconds))
        ON CONFLICT DO NOTHING
        """, doing: "recording \(sink)'s acknowledgement")
      return true
    }
  }

  public func lease(of sink: String) async throws -> SinkLease? {
    guard
      let row = try await rows(
        "SELECT holder, expires FROM sink_leases WHERE sink = \(sink)", doing: "reading \(sink)'s lease"
      ).first
    else { return nil }
    let (holder, expires) = try row.decode((String, Int64).self)
    return SinkLease(sink: sink, holder: holder, expires: RecordedInstant(microseconds: expires))
  }

  public func claimLease(_ lease: SinkLease, replacing current: SinkLease?) async throws -> Bool {
    try await unitOfWork(holding: PostgresSchema.deliveryLock) {
      guard try await self.lease(of: lease.sink) == current else { return false }
      try await rows(
        """
        INSERT INTO sink_leases (sink, holder, expires) VALUES (\(lease.sink), \(lease.holder), \(lease.expires.microseconds))
        ON CONFLICT (sink) DO UPDATE SET holder = excluded.holder, expires = excluded.expires
        """, doing: "claiming \(lease.sink)'s lease")
      return true
    }
  }

  public func releaseLease(_ lease: SinkLease) async throws {
    try await rows(
      "DELETE FROM sink_leases WHERE sink = \(lease.sink) AND holder = \(lease.holder)",
      doing: "releasing \(lease.sink)'s lease")
  }

  public func moveProgress(from old: String, to new: String) async throws {
    try await unitOfWork(holding: PostgresSchema.deliveryLock) {
      try await rows(
        """
        INSERT INTO sink_acknowledgements (sink, alert, acknowledged)
        SELECT \(new), alert, acknowledged FROM sink_acknowledgements WHERE sink = \(old) ON CONFLICT DO NOTHING
        """, doing: "moving \(old)'s progress")
      try await rows("DELETE FROM sink_acknowledgements WHERE sink = \(old)", doing: "moving \(old)'s progress")
      try await rows("DELETE FROM sink_leases WHERE sink = \(old)", doing: "moving \(old)'s progress")
    }
  }
}
