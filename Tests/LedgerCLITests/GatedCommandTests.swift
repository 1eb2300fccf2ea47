import Foundation
import LedgerCore
import LedgerStorage
import LedgerTestSupport
import Testing

/// The gated commands from the CLI: exit 69 with the program's words, and conflicting
/// commands from two processes never both succeed.
struct GatedCommandTests {
  static func ledger(in directory: TemporaryDirectory) throws -> String {
    let db = directory.file("ledger.sqlite")
    let events = directory.write("orgs.ndjson", Samples.ndjson(Samples.enrolments(2)))
    #expect(
      try LedgerProcess.run(["append", "--unchecked", "--actor", "tester", "--db", db, events], in: directory).status
        == 0)
    return db
  }

  @Test func aRefusalExits69WithTheReasonAndWritesNothing() throws {
    let directory = TemporaryDirectory()
    let db = try Self.ledger(in: directory)
    let refused = try LedgerProcess.run(
      ["purchase", "--db", db, "--actor", "mallory", "org-0", "gold", "--effective", "2021-02-01"], in: directory)
    #expect(refused.status == 69)
    #expect(
      refused.stderr
        == "refused: Only a Global admin of org-0 or an MPN Account admin of org-0 may buy a membership for org-0; mallory holds no such role on 2021-02-01.\n"
    )
    #expect(try SQLiteEventLog(path: db, create: false).headPosition() == 2)
    let granted = try LedgerProcess.run(
      ["grant", "--db", db, "--actor", "system", "mallory", "global-admin", "--org", "org-0"], in: directory)
    #expect(granted.status == 0, "\(granted.stderr)")
    #expect(try LedgerProcess.run(["grant", "--db", db, "mallory", "auditor"], in: directory).status == 64)
    #expect(
      try LedgerProcess.run(["renew", "--db", db, "--actor", "a", "org-0", "platinum"], in: directory).status == 64)
  }

  @Test func anImpossibleEffectiveDateIsNamedAsSuchAndExits64() throws {
    let directory = TemporaryDirectory()
    let db = try Self.ledger(in: directory)
    let run = try LedgerProcess.run(
      ["associate", "--db", db, "--actor", "erin", "erin", "org-0", "--effective", "2021-02-30"], in: directory)
    #expect(run.status == 64)
    #expect(run.stderr.contains("'--effective <effective>': no such day: \"2021-02-30\""))
    #expect(try SQLiteEventLog(path: db, create: false).headPosition() == 2)
  }

  @Test func twoProcessesAssociatingOneIndividualElsewhereOnOneDayNeverBothSucceed() throws {
    let directory = TemporaryDirectory()
    let db = try Self.ledger(in: directory)
    for round in 0..<6 {
      let individual = "person-\(round)"
      let runs = try ["org-0", "org-1"].map { org in
        try LedgerProcess.start(
          ["associate", "--db", db, "--actor", individual, individual, org, "--effective", "2021-03-01"], in: directory)
      }
      for run in runs { run.0.waitUntilExit() }
      let statuses = runs.map(\.0.terminationStatus).sorted()
      #expect(statuses == [0, 69], "round \(round): exactly one association succeeds")
      let loser = runs.first { $0.0.terminationStatus == 69 }.map {
        String(decoding: FileManager.default.contents(atPath: $0.stderr) ?? Data(), as: UTF8.self)
      }
      #expect(loser?.contains("Your next available date for a subsequent association is 2021-03-31") == true)
      let stream = try SQLiteEventLog(path: db, create: false).events(in: .individual(individual), knownAt: Int64.max)
      #expect(stream.count == 1)
    }
  }
}
