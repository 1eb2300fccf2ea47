import Foundation
import LedgerCore
import LedgerTestSupport
import Testing

struct ReadCommandTests {
  let directory = TemporaryDirectory()
  var db: String { directory.file("ledger.sqlite") }

  func appendSamples() throws {
    let outcome = try LedgerProcess.run(
      ["append", "--unchecked", "--actor", "tester", "--db", db],
      stdin: Data(Samples.ndjson(Samples.oneOfEachType()).utf8), in: directory)
    #expect(outcome.status == 0)
  }

  @Test func logPrintsOneJSONObjectPerEventWithTheFixedFields() throws {
    try appendSamples()
    let outcome = try LedgerProcess.run(["log", "--db", db, "--json", "--from-position", "14"], in: directory)
    let lines = outcome.stdout.split(separator: "\n").map { try! JSONParser.parse(Array($0.utf8)) }
    #expect(lines.count == 6)
    #expect(lines[0]["position"] == .number(14))
    #expect(lines[0]["type"] == .string("AuditScheduled"))
    #expect(lines[0]["payload"]?["auditor"] == .string("ACME"))
    #expect(lines[1]["voidedBy"] == .null)
    if case .string(let hash) = lines[1]["hash"] { #expect(hash.count == 64) } else { Issue.record("no hash") }
  }

  @Test func logTextNamesEachPositionStreamAndType() throws {
    try appendSamples()
    let outcome = try LedgerProcess.run(["log", "--db", db], in: directory)
    let lines = outcome.stdout.split(separator: "\n")
    #expect(lines.count == 19)
    #expect(lines[0].hasPrefix("1\t") && lines[0].contains("org/contoso@1\tOrganizationEnrolled"))
  }

  @Test func verifyReportsAnIntactChain() throws {
    try appendSamples()
    let outcome = try LedgerProcess.run(["verify", "--db", db], in: directory)
    #expect(outcome.status == 0)
    #expect(outcome.stdout.hasPrefix("ok: 19 events, chain head "))
  }

  @Test func readingAMissingDatabaseExits66AndCreatesNothing() throws {
    for command in ["log", "verify"] {
      let outcome = try LedgerProcess.run([command, "--db", db], in: directory)
      #expect(outcome.status == 66)
      #expect(outcome.stderr == "\(db): no such ledger database\n")
    }
    #expect(!FileManager.default.fileExists(atPath: db))
  }

  @Test func theDemoWritesItsSampleAndDescribesIt() throws {
    let outcome = try LedgerProcess.run(["demo", "--db", db], in: directory)
    #expect(outcome.status == 0)
    #expect(outcome.stdout.contains("Organizations: contoso (Contoso Ltd), fabrikam (Fabrikam Inc)"))
    #expect(outcome.stdout.contains("Hash chain: intact"))
    let again = try LedgerProcess.run(["demo", "--db", db], in: directory)
    #expect(again.status == 64)
  }
}
