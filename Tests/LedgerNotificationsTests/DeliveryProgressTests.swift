import LedgerCore
import LedgerNotifications
import LedgerStorage
import LedgerTestSupport
import Testing

/// Sink progress and leases in the SQLite database.
struct DeliveryProgressTests {
  static let later = RecordedInstant(microseconds: 2_000_000)

  @Test func aLeaseIsTakenOnlyFromTheHolderTheClaimerSaw() throws {
    let log = try TemporaryLedger().open()
    let first = SinkLease(sink: "stdout", holder: "a", expires: Self.later)
    #expect(try log.claimLease(first, replacing: nil))
    let second = SinkLease(sink: "stdout", holder: "b", expires: Self.later)
    #expect(try !log.claimLease(second, replacing: nil), "someone else holds it")
    #expect(try log.lease(of: "stdout") == first)
    #expect(try log.claimLease(second, replacing: first))
    try log.releaseLease(first)
    #expect(try log.lease(of: "stdout") == second, "only the holder releases")
    try log.releaseLease(second)
    #expect(try log.lease(of: "stdout") == nil)
  }

  @Test func onlyTheLeaseHolderAcknowledgesAndAcknowledgementsArePerSink() throws {
    let log = try TemporaryLedger().open()
    #expect(try log.claimLease(SinkLease(sink: "file:a", holder: "a", expires: Self.later), replacing: nil))
    #expect(try log.acknowledge(sink: "file:a", alert: "alert-1", at: Self.later, holder: "a"))
    #expect(try !log.acknowledge(sink: "file:a", alert: "alert-2", at: Self.later, holder: "b"))
    #expect(try log.acknowledge(sink: "file:a", alert: "alert-1", at: Self.later, holder: "a"), "idempotent")
    #expect(try log.acknowledgedAlerts(sink: "file:a", among: ["alert-1", "alert-2", "alert-3"]) == ["alert-1"])
    #expect(try log.acknowledgedAlerts(sink: "file:b", among: ["alert-1", "alert-2"]).isEmpty)
  }
}
