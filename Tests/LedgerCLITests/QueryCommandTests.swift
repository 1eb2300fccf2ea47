import Foundation
import LedgerCore
import LedgerStorage
import LedgerTestSupport
import Testing

struct QueryCommandTests {
  let directory = TemporaryDirectory()
  var db: String { directory.file("ledger.sqlite") }

  func demo() throws {
    #expect(try LedgerProcess.run(["demo", "--db", db], in: directory).status == 0)
  }

  func json(_ arguments: [String]) throws -> JSONValue {
    let outcome = try LedgerProcess.run(arguments + ["--db", db, "--json"], in: directory)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    return try JSONParser.parse(Array(outcome.stdout.utf8))
  }

  @Test func statusPrintsTheFixedKeys() throws {
    try demo()
    let status = try json(["status", "contoso", "--as-of", "2020-07-01"])
    #expect(status["org"] == .string("contoso") && status["asOf"] == .string("2020-07-01"))
    let head = try SQLiteEventLog(path: db, create: false).headPosition()
    #expect(status["knownAtPosition"] == .number(Decimal(head)))
    #expect(status["membership"]?["level"] == .string("gold"))
    #expect(status["membership"]?["anniversary"] == .string("2021-03-02"))
    guard case .array(let competencies) = status["competencies"], case .array(let alerts) = status["alerts"] else {
      Issue.record("competencies and alerts must be arrays")
      return
    }
    let development = competencies.first { $0["competency"] == .string("application-development") }
    #expect(development?["attained"] == .string("none") && development?["displayed"] == .string("silver"))
    #expect(development?["atRisk"] == .bool(true) && development?["override"] == .null)
    #expect(alerts.first?["kind"] == .string("renewal-at-risk") && alerts.first?["since"] == .string("2020-06-15"))
    #expect(
      alerts.first?["message"]
        == .string(
          "A recent change to your competency achievement has put your membership renewal eligibility at risk."))
    guard case .array(let specializations) = status["specializations"] else { return }
    // The advanced specializations' list (seed 000) is in force from 2021-07-07 only.
    #expect(specializations.isEmpty)
  }

  @Test func statusAsKnownAtAnEarlierPositionOrInstantShowsWhatWasKnownThen() throws {
    try demo()
    // Position 30 is the departure recorded as 1 June; position 31 corrects it to 15 June.
    let then = try json(["status", "contoso", "--as-of", "2020-07-01", "--known-at-position", "30"])
    guard case .array(let alerts) = then["alerts"] else { return }
    #expect(alerts.first?["since"] == .string("2020-06-01") && then["knownAtPosition"] == .number(30))
    let before = try LedgerProcess.run(
      ["status", "contoso", "--db", db, "--known-at", "2000-01-01T00:00:00Z"], in: directory)
    #expect(before.status == 65 && before.stderr.contains("as known at position 0"))
  }

  @Test func statusWithoutAMembershipPrintsNull() throws {
    try demo()
    #expect(try json(["status", "fabrikam", "--as-of", "2021-06-30"])["membership"] == .null)
  }

  @Test func statusRefusesBadOptions() throws {
    try demo()
    let both = try LedgerProcess.run(
      ["status", "contoso", "--db", db, "--known-at-position", "3", "--known-at", "2021-01-01"], in: directory)
    #expect(both.status == 64)
    let badDate = try LedgerProcess.run(["status", "contoso", "--db", db, "--as-of", "2021-02-30"], in: directory)
    #expect(badDate.status == 64)
    let unknown = try LedgerProcess.run(["status", "nobody", "--db", db], in: directory)
    #expect(unknown.status == 65 && unknown.stderr.contains("no event names organization \"nobody\""))
  }

  @Test func explainNamesTheIndividualsFiguresAndEvents() throws {
    try demo()
    let explanation = try json(["explain", "contoso", "cloud-platform", "--as-of", "2020-07-01"])
    #expect(explanation["result"] == .string("silver"))
    guard case .array(let parts) = explanation["parts"] else { return }
    let gold = parts.first { $0["title"] == .string("Azure Consumption option, gold") }?["outcome"]
    #expect(gold?["met"] == .bool(false))
    guard case .array(let requirements) = gold?["parts"] else { return }
    #expect(requirements[0]["individuals"] != nil && requirements[1]["figure"]?["value"] == .number(51520))
    let text = try LedgerProcess.run(
      [
        "explain", "contoso", "windows-server-and-sql-server-migration-to-microsoft-azure", "--db", db, "--as-of",
        "2021-10-31",
      ], in: directory)
    #expect(
      text.stdout.hasPrefix(
        "Windows Server and SQL Server Migration to Microsoft Azure (specialization) on 2021-10-31: active"))
  }

  @Test func catalogPrintsTheRulesInForce() throws {
    let outcome = try LedgerProcess.run(["catalog", "--as-of", "2021-07-07", "--json"], in: directory)
    let catalog = try JSONParser.parse(Array(outcome.stdout.utf8))
    #expect(catalog["version"] == .string("2021-07") && catalog["settings"]?["overrideMonths"] == .number(3))
    guard case .array(let specializations) = catalog["specializations"] else { return }
    #expect(specializations.count == 24)
    let text = try LedgerProcess.run(["catalog"], in: directory)
    #expect(text.stdout.contains("cloud-platform: Cloud Platform"))
  }

  @Test func appendRefusesNamesTheCatalogDoesNotKnow() throws {
    let line = #"{"type":"CredentialEarned","effective":"2021-01-01","individual":"a","credential":"70-999"}"#
    let file = directory.write("events.ndjson", line + "\n")
    let outcome = try LedgerProcess.run(
      ["append", "--unchecked", "--actor", "tester", "--db", db, file], in: directory)
    #expect(outcome.status == 65)
    #expect(outcome.stderr == "\(file):1: unknown credential \"70-999\"\n")
  }
}
