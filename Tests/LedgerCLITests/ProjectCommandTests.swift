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

  @Test func statusAndProfileCatchUpModelsOnceProjectedAndAnswerAsTheReplay() throws {
    let directory = TemporaryDirectory()
    let db = try Self.ledger(organizations: 3, in: directory)
    let never = directory.file("never.sqlite")
    try FileManager.default.copyItem(atPath: db, toPath: never)
    // In words: the JSON's ground names the root hash, which the append's own clock makes differ.
    let answer = { (command: String, file: String, day: String) throws -> String in
      let run = try LedgerProcess.run([command, "org-2", "--as-of", day, "--db", file], in: directory)
      #expect(run.status == 0, "\(run.stderr)")
      return run.stdout
    }
    let status = { (file: String, day: String) throws -> String in try answer("status", file, day) }
    _ = try status(db, "2020-04-01")
    #expect(try SQLiteEventLog(readingAt: db).readModelCheckpoint() == nil, "a ledger never projected is replayed")
    #expect(try LedgerProcess.run(["project", "--db", db], in: directory).status == 0)

    // A later event for org-2: `status` folds it before answering, as the replay sees it.
    let more = directory.write(
      "more.ndjson",
      Samples.ndjson([
        ProposedEvent(
          effective: Samples.date("2020-03-20"),
          event: .overridePlaced(OverridePlaced(org: "org-2", competency: "data-platform", level: .silver)))
      ]))
    for file in [db, never] {
      let run = try LedgerProcess.run(["append", "--unchecked", "--actor", "t", "--db", file, more], in: directory)
      #expect(run.status == 0, "\(run.stderr)")
    }
    // `profile` folds it too, before answering.
    #expect(try answer("profile", db, "2020-04-01") == answer("profile", never, "2020-04-01"))
    #expect(try SQLiteEventLog(readingAt: db).readModelCheckpoint()?.position == 10, "profile caught up first")
    for day in ["2019-12-31", "2020-03-02", "2020-04-01", "2020-07-01", "2024-02-29"] {
      #expect(try status(db, day) == status(never, day), "on \(day)")
      #expect(try answer("profile", db, day) == answer("profile", never, day), "on \(day)")
    }
    #expect(try status(db, "2020-04-01").contains("data-platform"))
    #expect(try SQLiteEventLog(readingAt: never).readModelCheckpoint() == nil)
  }
}
