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
      Tampering.sql(
        "UPDATE events SET payload = CAST('{\"level\":\"silver\",\"org\":\"contoso\"}' AS BLOB) WHERE position = 5"),
      5
    ),
    ("effective date", .fields(position: 9) { $0.effective = CivilDate(year: 2020, month: 1, day: 1)! }, 9),
    ("hash", .fields(position: 4) { $0.hash = Array(repeating: 0, count: 32) }, 4),
    ("actor", .fields(position: 12) { $0.actor = Actor(id: "mallory", role: $0.actor?.role) }, 12),
    (
      "order",
      .sql(
        "UPDATE events SET position = -position WHERE position IN (6, 7); UPDATE events SET position = 14 - position WHERE position IN (-6, -7)"
      ),
      6
    ),
    ("deletion", .sql("DELETE FROM events WHERE position = 3"), 3),
  ])
  func tamperingIsFoundAtTheFirstChangedPosition(what: String, tampering: Tampering, position: Int64) async throws {
    let (ledger, log, raw) = try tamperable()
    try await tampering.apply(with: StoredRowEditor(path: ledger.path, raw: raw))
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

  @Test func anAppendOntoAHeadRowItCannotReadIsRefusedNamingItAndWritesNothing() throws {
    let (ledger, _, raw) = try tamperable()
    try raw.execute("UPDATE events SET envelope = substr(envelope, 1, 40) WHERE position = 19")
    let error = #expect(throws: StoredDataError.self) { try ledger.open().append(Samples.enrolments(1)) }
    #expect(error?.position == 19)
    #expect(try raw.integer("SELECT count(*) FROM events") == 19)
  }
}
