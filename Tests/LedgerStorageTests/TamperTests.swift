import LedgerCore
import LedgerStorage
import LedgerTestSupport
import Testing

struct TamperTests {
  /// A ledger of ten events and a raw connection that has dropped the append-only triggers.
  func tamperable() throws -> (TemporaryLedger, SQLiteEventLog, SQLiteConnection) {
    let ledger = TemporaryLedger()
    let log = try ledger.open()
    _ = try log.append(Samples.oneOfEachType())
    let raw = try SQLiteConnection(path: ledger.path, mode: .existing)
    try raw.execute("DROP TRIGGER events_refuse_update; DROP TRIGGER events_refuse_delete")
    return (ledger, log, raw)
  }

  @Test func anIntactLogVerifies() async throws {
    let (_, log, _) = try tamperable()
    let result = try await log.verify()
    #expect(result.isIntact && result.eventCount == 19)
  }

  @Test func theTriggersRefuseChangesAndDeletions() throws {
    let ledger = TemporaryLedger()
    _ = try ledger.open().append(Samples.enrolments(2))
    let raw = try SQLiteConnection(path: ledger.path, mode: .existing)
    #expect(throws: SQLiteError.self) { try raw.execute("UPDATE events SET reason = 'x' WHERE position = 1") }
    #expect(throws: SQLiteError.self) { try raw.execute("DELETE FROM events WHERE position = 2") }
    #expect(throws: SQLiteError.self) { try raw.execute("DELETE FROM streams") }
  }

  @Test(arguments: [
    (
      "payload",
      "UPDATE events SET payload = CAST('{\"level\":\"silver\",\"org\":\"contoso\"}' AS BLOB) WHERE position = 5", 5
    ),
    ("effective date", "UPDATE events SET effective = '2020-01-01' WHERE position = 9", 9),
    ("hash", "UPDATE events SET hash = zeroblob(32) WHERE position = 4", 4),
    ("actor", "UPDATE events SET actor_id = 'mallory' WHERE position = 12", 12),
    (
      "order",
      "UPDATE events SET position = -position WHERE position IN (6, 7); UPDATE events SET position = 14 - position WHERE position IN (-6, -7)",
      6
    ),
    ("deletion", "DELETE FROM events WHERE position = 3", 3),
  ])
  func tamperingIsFoundAtTheFirstChangedPosition(what: String, sql: String, position: Int64) async throws {
    let (_, log, raw) = try tamperable()
    try raw.execute(sql)
    let result = try await log.verify()
    #expect(result.firstMismatch?.position == position, "\(what)")
  }

  @Test func truncatingTheTailIsNotAChainBreakButChangesTheHead() async throws {
    let (_, log, raw) = try tamperable()
    let before = try await log.verify().headHash
    try raw.execute("DELETE FROM events WHERE position = 19")
    let after = try await log.verify()
    #expect(after.isIntact && after.headHash != before && after.eventCount == 18)
  }
}
