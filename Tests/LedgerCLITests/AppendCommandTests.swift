import Foundation
import LedgerCore
import LedgerStorage
import LedgerTestSupport
import Testing

struct AppendCommandTests {
  let directory = TemporaryDirectory()
  var db: String { directory.file("ledger.sqlite") }

  func eventCount() throws -> Int64 {
    guard FileManager.default.fileExists(atPath: db) else { return 0 }
    return try SQLiteEventLog(path: db, create: false).headPosition()
  }

  @Test func appendsAFileAndReportsThePositions() throws {
    let file = directory.write("events.ndjson", Samples.ndjson(Samples.oneOfEachType()))
    let options = ["append", "--unchecked", "--actor", "tester", "--db", db, file]
    let outcome = try LedgerProcess.run(options, in: directory)
    #expect(outcome.status == 0)
    #expect(outcome.stdout == "appended 19 events at positions 1…19\n")
    let again = try LedgerProcess.run(options, in: directory)
    #expect(again.stdout == "appended 0 events; 19 already present\n")
    #expect(try eventCount() == 19)
  }

  @Test func readsStandardInputWhenNoFileIsGiven() throws {
    let input = Data(Samples.ndjson(Samples.enrolments(3)).utf8)
    let outcome = try LedgerProcess.run(["append", "--db", db], stdin: input, in: directory)
    #expect(outcome.status == 0)
    #expect(try eventCount() == 3)
  }

  static let badLines: [(String, String)] = [
    (
      #"{"type":"OrganizationEnrolled","effective":"2021-01-01","org":"x","name":"X""#,
      "malformed JSON at column 77: unexpected end of input"
    ),
    (#"{"type":"Unheard","effective":"2021-01-01"}"#, "unknown event type \"Unheard\""),
    (#"{"type":"OrganizationEnrolled","effective":"2021-01-01","org":"x","name":"X","x":1}"#, "unknown field \"x\""),
    (#"{"type":"IndividualDeparted","effective":"2021-01-01","org":"x"}"#, "missing field \"individual\""),
    (
      #"{"type":"IndividualDeparted","effective":"2021-01-01","org":"x","individual":true}"#,
      "field \"individual\" must be a string, not a boolean"
    ),
    (
      #"{"type":"OverrideRevoked","effective":"2021-02-30","org":"x","competency":"c"}"#,
      "field \"effective\": no such day: \"2021-02-30\""
    ),
    (
      #"{"type":"MembershipRenewed","effective":"2021-01-01","org":"x","level":"bronze"}"#,
      "unknown level \"bronze\" (expected one of \"silver\", \"gold\")"
    ),
    (
      #"{"type":"MembershipRenewed","effective":"2021-01-01","org":"x","level":"gold","corrects":"a"}"#,
      "field \"corrects\" needs a \"reason\""
    ),
    (
      #"{"type":"IndividualDeparted","effective":"2021-01-01","org":"x","individual":"i","corrects":"nope","reason":"r"}"#,
      "field \"corrects\" names an unknown event id \"nope\""
    ),
  ]

  @Test(arguments: badLines)
  func badInputExits65NamingTheLineAndWritesNothing(line: String, reason: String) throws {
    let good = Samples.ndjson(Samples.enrolments(2))
    _ = try LedgerProcess.run(["append", "--db", db], stdin: Data(good.utf8), in: directory)
    let file = directory.write("bad.ndjson", good + line + "\n")
    let outcome = try LedgerProcess.run(["append", "--db", db, file], in: directory)
    #expect(outcome.status == 65)
    #expect(outcome.stderr == "\(file):3: \(reason)\n")
    #expect(try eventCount() == 2)
  }

  @Test func everyBadLineOfEveryFileIsReported() throws {
    let first = directory.write("a.ndjson", "{}\n\n[]\n")
    let second = directory.write("b.ndjson", Samples.ndjson(Samples.enrolments(1)) + "7\n")
    let outcome = try LedgerProcess.run(["append", "--db", db, first, second], in: directory)
    #expect(outcome.status == 65)
    #expect(
      outcome.stderr.split(separator: "\n").map(String.init) == [
        "\(first):1: missing field \"type\"", "\(first):3: expected a JSON object, not an array",
        "\(second):2: expected a JSON object, not a number",
      ])
    #expect(try eventCount() == 0)
  }

  @Test func aConflictingIdExits65() throws {
    let event = Samples.oneOfEachType()[0]
    _ = try LedgerProcess.run(["append", "--db", db], stdin: Data(Samples.ndjson([event]).utf8), in: directory)
    var changed = event
    changed.effective = Samples.date("2029-01-01")
    let outcome = try LedgerProcess.run(
      ["append", "--db", db], stdin: Data(Samples.ndjson([changed]).utf8), in: directory)
    #expect(outcome.status == 65)
    #expect(
      outcome.stderr == "<stdin>:1: event id \"sample-1\" is already recorded at position 1 with different content\n")
  }

  @Test func aMissingInputFileExits66() throws {
    let outcome = try LedgerProcess.run(["append", "--db", db, directory.file("none.ndjson")], in: directory)
    #expect(outcome.status == 66)
    #expect(outcome.stderr.hasSuffix("none.ndjson: cannot read the file\n"))
  }

  @Test func anUnknownDurabilityIsBadUsage() throws {
    let outcome = try LedgerProcess.run(
      ["append", "--db", db, "--durability", "sometimes"], stdin: Data(), in: directory)
    #expect(outcome.status == 64)
  }
}
