import LedgerCore
import LedgerStorage
import LedgerTestSupport
import Testing

/// An insider who can rewrite the file: every tampering before a published checkpoint is
/// found, including those that recompute the chain to match.
struct VerifiableLogTamperTests {
  /// 300 events (so one tree tile of 256 is stored), a checkpoint of all of them, and a raw
  /// connection with every append-only trigger dropped.
  struct Tampered {
    let ledger = TemporaryLedger()
    let checkpoint: Checkpoint
    let raw: SQLiteConnection

    init() throws {
      let log = try ledger.open()
      _ = try log.append(Samples.oneOfEachType())
      _ = try log.append(Samples.enrolments(300 - Samples.oneOfEachType().count))
      let root = try log.treeRoot(size: 300)
      checkpoint = try Checkpoint.signed(size: 300, rootHash: root, key: NoteSigningKey(generatingWithName: "test"))
      raw = try SQLiteConnection(path: ledger.path, mode: .existing)
      for trigger in [
        "events_refuse_update", "events_refuse_delete", "streams_refuse_update", "streams_refuse_delete",
        "org_streams_refuse_update", "org_streams_refuse_delete", "merkle_tiles_refuse_update",
        "merkle_tiles_refuse_delete",
      ] {
        try raw.execute("DROP TRIGGER \(trigger)")
      }
    }

    /// What an attacker's script does after editing rows: recompute every chain hash so the
    /// chain verifies again.
    func recomputeChain() async throws {
      let reader = try SQLiteEventLog(readingAt: ledger.path)
      var previous = HashChain.genesis
      var records: [EventRecord] = []
      try await reader.forEachEntry(from: 1) { entry in
        var record = entry.record
        previous = HashChain.link(previous: previous, record: record)
        record.hash = previous
        records.append(record)
      }
      let editor = StoredRowEditor(path: ledger.path, raw: raw)
      for record in records { try editor.store(record) }
    }

    func verify(checkpoints: [Checkpoint]) throws -> ChainVerification {
      try SQLiteEventLog(readingAt: ledger.path).verify(against: checkpoints)
    }
  }

  static let edits: [(String, Tampering, Bool)] = [
    (
      "payload changed",
      .sql("UPDATE events SET payload = CAST('{\"name\":\"X\",\"org\":\"org-9\"}' AS BLOB) WHERE position = 30"),
      false
    ),
    ("effective date changed", .fields(position: 9) { $0.effective = CivilDate(year: 2020, month: 1, day: 1)! }, false),
    ("hash changed", .fields(position: 4) { $0.hash = Array(repeating: 0, count: 32) }, false),
    ("actor changed", .fields(position: 12) { $0.actor = Actor(id: "mallory", role: $0.actor?.role) }, false),
    (
      "two events swapped",
      .sql(
        "UPDATE events SET position = -position WHERE position IN (6, 7); UPDATE events SET position = 13 + position WHERE position IN (-6, -7)"
      ),
      false
    ),
    ("a middle event deleted", .sql("DELETE FROM events WHERE position = 3"), false),
    ("the last event deleted", .sql("DELETE FROM events WHERE position = 300"), false),
    ("the tail truncated", .sql("DELETE FROM events WHERE position > 290"), false),
    ("every event deleted", .sql("DELETE FROM events"), false),
    (
      "payload changed, chain recomputed",
      .sql("UPDATE events SET payload = CAST('{\"name\":\"X\",\"org\":\"org-9\"}' AS BLOB) WHERE position = 30"),
      true
    ),
    (
      "a middle event deleted, renumbered, chain recomputed",
      .sql("DELETE FROM events WHERE position = 100; UPDATE events SET position = position - 1 WHERE position > 100"),
      true
    ),
    (
      "an event forged into the middle, chain recomputed",
      .sql(
        "UPDATE events SET position = position + 1000 WHERE position >= 150; UPDATE events SET position = position - 999 WHERE position >= 1150; INSERT INTO events SELECT 150, 'forged', stream_no, 99, corrects, envelope, payload FROM events WHERE position = 149"
      ),
      true
    ),
    ("the last event deleted, chain recomputed", .sql("DELETE FROM events WHERE position = 300"), true),
    (
      "recorded instant changed, chain recomputed",
      .fields(position: 200) { $0.recorded = RecordedInstant(microseconds: $0.recorded.microseconds + 1) }, true
    ),
    ("a stream renamed, chain recomputed", .sql("UPDATE streams SET name = 'org/evil' WHERE name = 'org/org-5'"), true),
    (
      "writer and unchecked mark changed, chain recomputed",
      .fields(position: 50) {
        $0.writer = "ghost"
        $0.unchecked = true
      },
      true
    ),
    ("event id changed, chain recomputed", .sql("UPDATE events SET event_id = 'renamed' WHERE position = 60"), true),
    (
      "organization index row deleted",
      .sql(
        "DELETE FROM org_streams WHERE org = 'contoso' AND stream_no = (SELECT max(stream_no) FROM org_streams WHERE org = 'contoso')"
      ),
      false
    ),
    (
      "stored tree node changed", .sql("UPDATE merkle_tiles SET hash = zeroblob(32) WHERE level = 8 AND idx = 0"), false
    ),
  ]

  @Test(arguments: edits)
  func everyTamperingBeforeAPublishedCheckpointIsFound(what: String, tampering: Tampering, recompute: Bool) async throws
  {
    let tampered = try Tampered()
    #expect(try tampered.verify(checkpoints: [tampered.checkpoint]).isIntact, "intact before the edit")
    try await tampering.apply(with: StoredRowEditor(path: tampered.ledger.path, raw: tampered.raw))
    if recompute { try await tampered.recomputeChain() }
    let result = try tampered.verify(checkpoints: [tampered.checkpoint])
    #expect(!result.isIntact, "\(what) was not found")
  }

  @Test func anOrganizationIndexRowAddedIsFoundWithoutACheckpoint() throws {
    let tampered = try Tampered()
    try tampered.raw.execute("INSERT INTO org_streams (org, stream_no) SELECT 'contoso', max(stream_no) FROM streams")
    let result = try tampered.verify(checkpoints: [])
    #expect(result.firstMismatch?.reason.hasPrefix("the organization index links contoso") == true)
  }

  @Test func aRecomputedRewriteLooksIntactWithoutACheckpointAndIsFoundWithOne() async throws {
    let tampered = try Tampered()
    // A careful attacker also removes the index row only the deleted event gave.
    try tampered.raw.execute(
      "DELETE FROM org_streams WHERE stream_no = (SELECT stream_no FROM events WHERE position = 300); DELETE FROM events WHERE position = 300"
    )
    try await tampered.recomputeChain()
    #expect(try tampered.verify(checkpoints: []).isIntact, "without a checkpoint a truncation cannot be told")
    let failure = try #require(try tampered.verify(checkpoints: [tampered.checkpoint]).checkpointFailures.first)
    #expect(failure.reason == "the log holds 299 events, fewer than the checkpoint's 300: events were removed")
  }

  @Test func anEmptyLogDoesNotExtendACheckpointOfOneOrMoreEvents() throws {
    let tampered = try Tampered()
    try tampered.raw.execute("DELETE FROM events; DELETE FROM org_streams; DELETE FROM merkle_tiles")
    let result = try tampered.verify(checkpoints: [tampered.checkpoint])
    #expect(result.eventCount == 0)
    #expect(!result.isIntact)
  }
}
