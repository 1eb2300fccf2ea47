import Foundation
import LedgerCore
import LedgerStorage
import LedgerTestSupport
import Testing

/// Migration 8 packs the events into compact rows: a ledger an older build wrote reads the
/// same, verifies the same and keeps its published checkpoints true after it.
struct MigrationTests {
  /// The demo with its roles, one event of each type, and events whose ids, actors, writers
  /// and corrections take every stored form: generated UUIDs, content digests, client ids.
  static func richLedger() async throws -> TemporaryLedger {
    let ledger = TemporaryLedger()
    let log = try ledger.open()
    try await DemoWithRoles.load(into: log)
    _ = try log.append(Samples.oneOfEachType())
    let generated = try log.append(Samples.enrolments(3, prefix: "uuid"))
    var digest = Samples.enrolments(1, prefix: "digest")[0]
    digest.id = ContentDigest.id("acr-", of: Array("row".utf8))
    digest.writer = "Zoë Écrivain"
    digest.unchecked = true
    var upper = Samples.enrolments(1, prefix: "upper")[0]
    upper.id = "0190A5C4-7B1E-7C3D-8E2F-0123456789AB"
    var correction = Samples.enrolments(1, prefix: "uuid")[0]
    correction.corrects = try #require(generated.appended.first?.id)
    correction.reason = "entered twice — «corrigé»"
    correction.actor = Actor(id: "maria", role: "microsoft-agent")
    _ = try log.append([digest, upper, correction])
    return ledger
  }

  /// Every stored record, as `forEachEntry` reads them with the position voiding each.
  static func entries(of log: SQLiteEventLog) async throws -> [LogEntry] {
    var entries: [LogEntry] = []
    try await log.forEachEntry(from: 1) { entries.append($0) }
    return entries
  }

  @Test func anOlderLedgerReadsVerifiesAndAnswersTheSameAfterMigratingToCompactRows() async throws {
    let current = try await Self.richLedger()
    let ledger = TemporaryLedger()
    try await LegacyLedger.write(from: current.path, to: ledger.path, version: 7)

    let archived = try SQLiteEventLog(readingAt: ledger.path)
    let before = try await Self.entries(of: archived)
    let verifiedBefore = try await archived.verify()
    let checkpoint = try Checkpoint.signed(
      size: Int64(before.count), rootHash: try archived.treeRoot(size: Int64(before.count)),
      key: NoteSigningKey(generatingWithName: "auditor"))
    let contosoBefore = try archived.events(concerning: "contoso", knownAt: Int64(before.count))
    #expect(verifiedBefore.isIntact)
    #expect(before.contains { $0.voidedBy != nil }, "the history holds a correction")

    let migrated = try ledger.open()
    #expect(try SQLiteConnection(path: ledger.path, mode: .readOnly).integer("PRAGMA user_version") == 8)
    let after = try await Self.entries(of: migrated)
    #expect(after == before)
    #expect(after == (try await Self.entries(of: try current.open())), "the same log as the ledger it was copied from")
    let verifiedAfter = try await migrated.verify(against: [checkpoint])
    #expect(verifiedAfter.isIntact && verifiedAfter.checkpointFailures.isEmpty)
    #expect(verifiedAfter.headHash == verifiedBefore.headHash && verifiedAfter.rootHash == verifiedBefore.rootHash)
    #expect(try migrated.events(concerning: "contoso", knownAt: Int64(before.count)) == contosoBefore)

    _ = try migrated.append(Samples.enrolments(1, prefix: "later"))
    let extended = try await migrated.verify(against: [checkpoint])
    #expect(extended.isIntact && extended.eventCount == before.count + 1 && extended.checkpointFailures.isEmpty)
  }

  @Test func idsAreStoredPackedWhenTheyReadBackAsTheSameText() async throws {
    let ledger = try await Self.richLedger()
    _ = try ledger.open()
    let raw = try SQLiteConnection(path: ledger.path, mode: .readOnly)
    let forms = try raw.statement("SELECT typeof(event_id), length(event_id), count(*) FROM events GROUP BY 1, 2")
    var counts: [String: Int64] = [:]
    while try forms.step() { counts["\(forms.text(0) ?? "")/\(forms.int64(1))"] = forms.int64(2) }
    forms.reset()
    #expect(counts["blob/16"] ?? 0 >= 4, "generated UUIDs: \(counts)")
    #expect(counts["blob/20"] == 1, "the acr- digest: \(counts)")
    #expect(counts["text/36"] == 1, "an uppercase UUID stays text: \(counts)")
    #expect(try raw.integer("SELECT count(*) FROM events WHERE typeof(corrects) = 'blob'") == 1)
  }

  @Test func aRowTheCompactLayoutCannotHoldStopsTheMigrationAndLeavesTheLedgerAsItWas() async throws {
    let current = TemporaryLedger()
    _ = try current.open().append(Samples.enrolments(5))
    let ledger = TemporaryLedger()
    try await LegacyLedger.write(from: current.path, to: ledger.path, version: 7)
    let raw = try SQLiteConnection(path: ledger.path, mode: .existing)
    try raw.execute("DROP TRIGGER events_refuse_update; UPDATE events SET effective = '2021-02-30' WHERE position = 3")

    let error = #expect(throws: StoredDataError.self) { try ledger.open() }
    #expect(error?.position == 3)
    #expect(error?.reason == "effective date \"2021-02-30\" is not a date; the ledger stays at schema 7")
    #expect(try raw.integer("PRAGMA user_version") == 7)
    let archived = try SQLiteEventLog(readingAt: ledger.path)
    #expect(try await archived.verify().firstMismatch?.position == 3, "still read, and found, as it is")
  }
}
