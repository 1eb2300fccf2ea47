import Foundation
import LedgerCore
import LedgerTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `ledger history`, `ledger alerts`, `ledger export-activity` and `notify --follow` end to end.
struct HistoryCommandTests {
  static func ledger(in directory: TemporaryDirectory) throws -> String {
    let db = directory.file("ledger.sqlite")
    let events = directory.write("events.ndjson", Samples.ndjson(Samples.alertingOrganizations(2)))
    #expect(
      try LedgerProcess.run(["append", "--unchecked", "--actor", "tester", "--db", db, events], in: directory).status
        == 0)
    return db
  }

  static func objects(_ text: String) throws -> [[String: JSONValue]] {
    try text.split(separator: "\n").map { line in
      guard case .object(let members) = try JSONParser.parse(Array(line.utf8)) else { return [:] }
      return Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }
  }

  @Test func historyPrintsEventsAndTimeDrivenChangesAsNDJSON() throws {
    let directory = TemporaryDirectory()
    let db = try Self.ledger(in: directory)
    let run = try LedgerProcess.run(["history", "--db", db, "org-0", "--to", "2020-12-31", "--json"], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    let entries = try Self.objects(run.stdout)
    #expect(entries.map { $0["kind"] } == [.string("event"), .string("event"), .string("event"), .string("time")])
    #expect(entries.last?["reasons"] == .array([.string("override of cloud-platform ended")]))
    #expect(entries.last?["date"] == .string("2020-06-03"))
  }

  @Test func restatedSinceListsTheLateEventAndTheAnswersItChanged() throws {
    let directory = TemporaryDirectory()
    let db = try Self.ledger(in: directory)
    let late = #"{"type":"OverrideRevoked","effective":"2020-04-01","org":"org-0","competency":"cloud-platform"}"#
    #expect(
      try LedgerProcess.run(
        ["append", "--unchecked", "--actor", "tester", "--db", db], stdin: Data(late.utf8), in: directory
      ).status == 0)
    let run = try LedgerProcess.run(
      ["history", "--db", db, "org-0", "--restated-since", "6", "--to", "2020-12-31", "--json"], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    let lines = try Self.objects(run.stdout)
    #expect(lines.first?["kind"] == .string("recorded"))
    let restatement = lines.last
    #expect(restatement?["from"] == .string("2020-04-01"))
    #expect(restatement?["until"] == .string("2020-06-02"))
    let text = try LedgerProcess.run(
      ["history", "--db", db, "org-0", "--restated-since", "6", "--to", "2020-12-31"], in: directory)
    #expect(text.stdout.contains("cloud-platform attained: gold (as known then) → none (as known now)"))
  }

  @Test func alertsOfAnUnknownOrganizationExit65AndBadDatesExit64() throws {
    let directory = TemporaryDirectory()
    let db = try Self.ledger(in: directory)
    #expect(try LedgerProcess.run(["alerts", "--db", db, "--org", "nobody"], in: directory).status == 65)
    #expect(try LedgerProcess.run(["alerts", "--db", db, "--from", "2021-13-01"], in: directory).status == 64)
    let window = try LedgerProcess.run(
      ["alerts", "--db", db, "--from", "2021-02-15", "--to", "2021-02-15", "--json"], in: directory)
    #expect(
      try Self.objects(window.stdout).map { $0["kind"] } == [.string("renewal-reminder"), .string("renewal-reminder")])
  }

  @Test func exportActivityWritesOneCSVRowPerRecordedEvent() throws {
    let directory = TemporaryDirectory()
    let db = try Self.ledger(in: directory)
    let run = try LedgerProcess.run(["export-activity", "--db", db, "--csv"], in: directory)
    let rows = run.stdout.split(separator: "\n")
    #expect(rows.first == "recorded,position,effective,organization,affected,action,user,role,event,writer")
    #expect(rows.count == 7)
    #expect(rows[2].contains(",2,2020-03-02,org-0,organization org-0,MembershipPurchased (imported unchecked),"))
    #expect(rows[2].hasSuffix(",tester"))
    let none = try LedgerProcess.run(["export-activity", "--db", db, "--csv", "--to", "2000-01-01"], in: directory)
    #expect(none.stdout.split(separator: "\n").count == 1)
  }

  @Test func followDeliversAlertsOfEventsAppendedWhileItRuns() throws {
    let directory = TemporaryDirectory()
    let db = try Self.ledger(in: directory)
    let path = directory.file("alerts.ndjson")
    let (process, _, _) = try LedgerProcess.start(
      ["notify", "--db", db, "--sink", "file:" + path, "--now", "2022-01-01", "--follow", "--poll-seconds", "0.1"],
      in: directory)
    defer {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    func lines() -> Int {
      ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").count
    }
    func wait(for count: Int) -> Bool {
      for _ in 0..<300 where lines() < count { usleep(50_000) }
      return lines() == count
    }
    #expect(wait(for: 8))
    let more = Samples.ndjson(Samples.alertingOrganizations(3).suffix(3))
    #expect(
      try LedgerProcess.run(
        ["append", "--unchecked", "--actor", "tester", "--db", db], stdin: Data(more.utf8), in: directory
      ).status == 0)
    #expect(wait(for: 12), "the new organization's alerts arrive while notify follows")
    #expect(process.isRunning)
  }
}
