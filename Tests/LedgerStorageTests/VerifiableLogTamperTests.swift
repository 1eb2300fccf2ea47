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
      var hashes: [(Int64, [UInt8])] = []
      try await reader.forEachEntry(from: 1) { entry in
        previous = HashChain.link(previous: previous, record: entry.record)
        hashes.append((entry.record.position, previous))
      }
      let update = try raw.statement("UPDATE events SET hash = ? WHERE position = ?")
      for (position, hash) in hashes {
        update.bind(1, blob: hash)
        update.bind(2, position)
        try update.run()
      }
    }

    func verify(checkpoints: [Checkpoint]) throws -> ChainVerification {
      try SQLiteEventLog(readingAt: ledger.path).verify(against: checkpoints)
    }
  }

  static let edits: [(String, String, Bool)] = [
    (
      "payload changed",
      "UPDATE events SET payload = CAST('{\"name\":\"X\",\"org\":\"org-9\"}' AS BLOB) WHERE position = 30", false
    ),
    ("effective date changed", "UPDATE events SET effective = '2020-01-01' WHERE position = 9", false),
    ("hash changed", "UPDATE events SET hash = zeroblob(32) WHERE position = 4", false),
    ("actor changed", "UPDATE events SET actor_id = 'mallory' WHERE position = 12", false),
    (
      "two events swapped",
      "UPDATE events SET position = -position WHERE position IN (6, 7); UPDATE events SET position = 13 + position WHERE position IN (-6, -7)",
      false
    ),
    ("a middle event deleted", "DELETE FROM events WHERE position = 3", false),
    ("the last event deleted", "DELETE FROM events WHERE position = 300", false),
    ("the tail truncated", "DELETE FROM events WHERE position > 290", false),
    ("every event deleted", "DELETE FROM events", false),
    (
      "payload changed, chain recomputed",
      "UPDATE events SET payload = CAST('{\"name\":\"X\",\"org\":\"org-9\"}' AS BLOB) WHERE position = 30", true
    ),
    (
      "a middle event deleted, renumbered, chain recomputed",
      "DELETE FROM events WHERE position = 100; UPDATE events SET position = position - 1 WHERE position > 100",
      true
    ),
    (
      "an event forged into the middle, chain recomputed",
      "UPDATE events SET position = position + 1000 WHERE position >= 150; UPDATE events SET position = position - 999 WHERE position >= 1150; INSERT INTO events SELECT 150, 'forged', stream_no, 99, type, schema_version, effective, recorded, actor_id, actor_role, corrects, reason, payload, hash, writer, unchecked FROM events WHERE position = 149",
      true
    ),
    ("the last event deleted, chain recomputed", "DELETE FROM events WHERE position = 300", true),
    (
      "recorded instant changed, chain recomputed", "UPDATE events SET recorded = recorded + 1 WHERE position = 200",
      true
    ),
    ("a stream renamed, chain recomputed", "UPDATE streams SET name = 'org/evil' WHERE name = 'org/org-5'", true),
    (
      "writer and unchecked mark changed, chain recomputed",
      "UPDATE events SET writer = 'ghost', unchecked = 1 WHERE position = 50", true
    ),
    ("event id changed, chain recomputed", "UPDATE events SET event_id = 'renamed' WHERE position = 60", true),
    (
      "organization index row deleted",
      "DELETE FROM org_streams WHERE org = 'contoso' AND stream_no = (SELECT max(stream_no) FROM org_streams WHERE org = 'contoso')",
      false
    ),
    ("stored tree node changed", "UPDATE merkle_tiles SET hash = zeroblob(32) WHERE level = 8 AND idx = 0", false),
  ]

  @Test(arguments: edits)
  func everyTamperingBeforeAPublishedCheckpointIsFound(what: String, sql: String, recompute: Bool) async throws {
    let tampered = try Tampered()
    #expect(try tampered.verify(checkpoints: [tampered.checkpoint]).isIntact, "intact before the edit")
    try tampered.raw.execute(sql)
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
