import Foundation
import LedgerCore
import LedgerStorage
import LedgerTestSupport
import Testing

/// A ledger an older release wrote is migrated by the first write, which says so first, and
/// `ledger migrate` also gives back the space the rewritten rows left.
struct MigrateCommandTests {
  /// A schema-7 ledger of `count` enrolments, and its size.
  func olderLedger(_ count: Int) async throws -> (TemporaryLedger, Int) {
    let current = TemporaryLedger()
    _ = try current.open().append(Samples.enrolments(count))
    let ledger = TemporaryLedger()
    try await LegacyLedger.write(from: current.path, to: ledger.path, version: 7)
    return (ledger, try size(of: ledger.path))
  }

  func size(of path: String) throws -> Int {
    try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
  }

  func schema(of path: String) throws -> Int64? {
    try SQLiteConnection(path: path, mode: .readOnly).integer("PRAGMA user_version")
  }

  @Test func migrateRewritesTheRowsSaysSoAndGivesTheFreedPagesBack() async throws {
    let (ledger, _) = try await olderLedger(3_000)
    let run = try LedgerProcess.run(["migrate", "--db", ledger.path], in: ledger.directory)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stderr
        == "\(ledger.path): migrating from schema 7 to 8 (every event row is rewritten once: about a minute per 10 million events)\n"
    )
    #expect(run.stdout.hasPrefix("\(ledger.path): migrated to this ledger's schema; "))
    #expect(run.stdout.hasSuffix(" MB of free pages given back to the file system\n"))
    #expect(try schema(of: ledger.path) == 8)
    let freePages = try SQLiteConnection(path: ledger.path, mode: .readOnly).integer("PRAGMA freelist_count")
    #expect(freePages == 0)
    #expect(try LedgerProcess.run(["verify", "--db", ledger.path], in: ledger.directory).status == 0)

    let again = try LedgerProcess.run(["migrate", "--db", ledger.path], in: ledger.directory)
    #expect(again.stdout == "\(ledger.path): migrated to this ledger's schema\n" && again.stderr.isEmpty)
  }

  @Test func theFirstWriteMigratesAfterSayingSoAndKeepsTheFreedPagesForLaterAppends() async throws {
    let (ledger, before) = try await olderLedger(3_000)
    let append = try LedgerProcess.run(
      ["append", "--db", ledger.path], stdin: Data(Samples.ndjson(Samples.enrolments(1, prefix: "new")).utf8),
      in: ledger.directory)
    #expect(append.status == 0, "\(append.stderr)")
    #expect(append.stderr.hasPrefix("\(ledger.path): migrating from schema 7 to 8"))
    #expect(try schema(of: ledger.path) == 8)
    #expect(try size(of: ledger.path) >= before, "a write does not compact the file; `migrate` does")
  }

  @Test func aQueryOfAnOlderLedgerNeitherMigratesNorSaysItDoes() async throws {
    let (ledger, _) = try await olderLedger(3)
    let status = try LedgerProcess.run(["status", "org-1", "--db", ledger.path], in: ledger.directory)
    #expect(status.status == 0 && status.stderr.isEmpty, "\(status.stderr)")
    #expect(try schema(of: ledger.path) == 7)
  }
}

/// A migration killed halfway leaves the older ledger as it was; the next write migrates it.
@Suite(.serialized, .tags(.crash))
struct MigrateKillTests {
  @Test(arguments: ["migrate.row:1", "migrate.row:1500", "migrate.row:3000"])
  func aMigrationKilledAtAChosenRowLeavesTheOlderLedgerWhole(moment: String) async throws {
    let current = TemporaryLedger()
    _ = try current.open().append(Samples.enrolments(3_000))
    let ledger = TemporaryLedger()
    try await LegacyLedger.write(from: current.path, to: ledger.path, version: 7)
    let head = try await SQLiteEventLog(readingAt: ledger.path).verify().headHash

    let killed = try LedgerProcess.run(
      ["migrate", "--db", ledger.path], environment: ["LEDGER_CRASH_AT": moment], in: ledger.directory)
    #expect(killed.killed, "the crash point must be reached")
    #expect(try SQLiteConnection(path: ledger.path, mode: .readOnly).integer("PRAGMA user_version") == 7)
    let archived = try await SQLiteEventLog(readingAt: ledger.path).verify()
    #expect(archived.isIntact && archived.headHash == head && archived.eventCount == 3_000)

    #expect(try LedgerProcess.run(["migrate", "--db", ledger.path], in: ledger.directory).status == 0)
    let migrated = try await SQLiteEventLog(path: ledger.path, create: false).verify()
    #expect(migrated.isIntact && migrated.headHash == head && migrated.eventCount == 3_000)
  }
}
