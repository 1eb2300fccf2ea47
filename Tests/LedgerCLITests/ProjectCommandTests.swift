import Foundation
import LedgerCatalog
import LedgerCore
import LedgerQueries
import LedgerStorage
import LedgerTestSupport
import Testing

/// `ledger project`: a checkpointed catch-up that a kill does not make repeat or lose work.
struct ProjectCommandTests {
  static func ledger(organizations: Int, in directory: TemporaryDirectory) throws -> String {
    let db = directory.file("ledger.sqlite")
    let events = directory.write("events.ndjson", Samples.ndjson(Samples.alertingOrganizations(organizations)))
    let append = try LedgerProcess.run(
      ["append", "--unchecked", "--actor", "tester", "--db", db, events], in: directory)
    #expect(append.status == 0, "\(append.stderr)")
    return db
  }

  static func report(_ line: String) throws -> [String: String] {
    guard case .object(let members) = try JSONParser.parse(Array(line.utf8)) else { throw POSIXError(.EINVAL) }
    return Dictionary(
      uniqueKeysWithValues: members.map { ($0.key, String(decoding: $0.value.canonicalBytes, as: UTF8.self)) })
  }

  @Test func aKilledCatchUpResumesWithoutFoldingAgainWhatItSaved() async throws {
    let directory = TemporaryDirectory()
    let db = try Self.ledger(organizations: 450, in: directory)
    let killed = try LedgerProcess.run(
      ["project", "--db", db], environment: ["LEDGER_CRASH_AT": "project.batch:1"], in: directory)
    #expect(killed.killed, "the crash point must be reached")
    let resumed = try LedgerProcess.run(["project", "--db", db, "--json"], in: directory)
    #expect(resumed.status == 0, "\(resumed.stderr)")
    // The first batch of 200 was saved before the kill; the rest is folded once.
    #expect(try Self.report(resumed.stdout) == ["from": "0", "to": "1350", "organizations": "250"])
    let again = try LedgerProcess.run(["project", "--db", db, "--json"], in: directory)
    #expect(try Self.report(again.stdout) == ["from": "1350", "to": "1350", "organizations": "0"])

    let log = try SQLiteEventLog(path: db, create: false)
    let catalogs = try CatalogLoader.bundled()
    let through = Samples.date("2022-01-01")
    let fromModels = try await AlertFeed(
      log: log, catalogs: catalogs, projector: Projector(log: log, catalogs: catalogs)
    ).alerts(through: through, knownAt: 1350)
    #expect(fromModels.count == 1800)
    #expect(try await AlertFeed(log: log, catalogs: catalogs).alerts(through: through, knownAt: 1350) == fromModels)
  }

  @Test func alertsBringTheReadModelsUpToDateBeforeAnswering() throws {
    let directory = TemporaryDirectory()
    let db = try Self.ledger(organizations: 3, in: directory)
    let listed = try LedgerProcess.run(["alerts", "--db", db, "--to", "2022-01-01", "--json"], in: directory)
    #expect(listed.status == 0)
    #expect(listed.stdout.split(separator: "\n").count == 12)
    #expect(try SQLiteEventLog(readingAt: db).readModelCheckpoint()?.position == 9, "alerts caught up first")

    let more = directory.write("more.ndjson", Samples.ndjson(Array(Samples.alertingOrganizations(4).suffix(3))))
    #expect(
      try LedgerProcess.run(["append", "--unchecked", "--actor", "t", "--db", db, more], in: directory).status == 0)
    let grown = try LedgerProcess.run(["alerts", "--db", db, "--to", "2022-01-01", "--json"], in: directory)
    #expect(grown.stdout.split(separator: "\n").count == 16)
    #expect(try SQLiteEventLog(readingAt: db).readModelCheckpoint()?.position == 12)
  }
}
