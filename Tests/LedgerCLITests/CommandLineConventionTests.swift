import Foundation
import LedgerCore
import LedgerTestSupport
import Testing

/// The command line as people expect it: one vocabulary of options, help with an example and
/// exit codes everywhere, --version, --json on every command that prints a result.
struct CommandLineConventionTests {
  let directory = TemporaryDirectory()
  var db: String { directory.file("ledger.sqlite") }

  static func json(_ text: String) throws -> [String: JSONValue] {
    guard case .object(let members) = try JSONParser.parse(Array(text.utf8)) else { return [:] }
    return Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
  }

  @Test func aBareLedgerIsAUsageErrorAndVersionPrintsTheRelease() throws {
    let bare = try LedgerProcess.run([], in: directory)
    #expect(bare.status == 64)
    #expect(bare.stderr.contains("SUBCOMMANDS:"))
    let version = try LedgerProcess.run(["--version"], in: directory)
    #expect(version.status == 0)
    #expect(version.stdout.split(separator: ".").count == 3)
  }

  @Test func everySubcommandsHelpHasAnAbstractAnExampleAndItsExitCodes() throws {
    for subcommand in try ReadmeTests.subcommands() {
      let help = try LedgerProcess.run([subcommand, "--help"], in: directory)
      #expect(help.stdout.hasPrefix("OVERVIEW: "), "\(subcommand)")
      #expect(help.stdout.contains("\nExample: "), "\(subcommand) has no example")
      #expect(help.stdout.contains("\nExit codes: 0 success"), "\(subcommand) names no exit codes")
    }
  }

  /// Each option name means one thing: a date period is effective dates, a recording period
  /// says so, every position option names a position, every --as-of a date.
  @Test func theSameOptionNameMeansTheSameThingInEveryCommand() throws {
    var seen: [String: Set<String>] = [:]
    for subcommand in try ReadmeTests.subcommands() {
      let help = try LedgerProcess.run([subcommand, "--help"], in: directory).stdout
      guard let options = help.range(of: "OPTIONS:") else { continue }
      var current: String?
      var texts: [String: String] = [:]
      for line in help[options.upperBound...].split(separator: "\n") {
        if let option = line.firstMatch(of: /^  (--[a-z][a-z-]*)/)?.output.1 {
          current = String(option)
          texts[String(option), default: ""] += line
        } else if let current {
          texts[current, default: ""] += " " + line.trimmingCharacters(in: .whitespaces)
        }
      }
      for (option, text) in texts {
        seen[option, default: []].insert(subcommand)
        let words = text.lowercased()
        if option == "--from" || option == "--to" {
          #expect(words.contains("effective date"), "\(subcommand) \(option): \(text)")
        }
        if option.hasPrefix("--recorded-") { #expect(words.contains("recording day"), "\(subcommand) \(option)") }
        if option.hasSuffix("-position") { #expect(words.contains("position"), "\(subcommand) \(option)") }
        if option == "--as-of" || option == "--effective" {
          #expect(words.contains("yyyy-mm-dd"), "\(subcommand) \(option)")
        }
        if option == "--json" { #expect(words.contains("json"), "\(subcommand) --json") }
      }
    }
    #expect(seen["--now"] == nil && seen["--restated-since"] == nil, "old spellings stay out of the help")
    #expect(seen["--from"] == ["history", "alerts"], "only effective-date periods are --from")
  }

  @Test func theOldSpellingsStillWork() throws {
    _ = try LedgerProcess.run(["demo", "--db", db], in: directory)
    let old = try LedgerProcess.run(
      ["export-activity", "--db", db, "--from", "2000-01-01", "--to", "2000-01-02"], in: directory)
    let new = try LedgerProcess.run(
      ["export-activity", "--db", db, "--recorded-from", "2000-01-01", "--recorded-to", "2000-01-02"], in: directory)
    #expect(old.status == 0 && new.status == 0 && old.stdout == new.stdout)
    let history = try LedgerProcess.run(
      ["history", "contoso", "--db", db, "--restated-since", "30", "--to", "2021-12-31"], in: directory)
    #expect(history.status == 0 && history.stdout.contains("recorded after position 30"))
    let notify = try LedgerProcess.run(
      ["notify", "--db", db, "--sink", "stdout", "--now", "2020-07-01"], in: directory)
    #expect(notify.status == 0, "\(notify.stderr)")
  }

  @Test func summariesAndGatedCommandsPrintJSON() throws {
    let enrol = #"{"type":"OrganizationEnrolled","effective":"2021-01-01","org":"contoso","name":"Contoso"}"#
    let appended = try LedgerProcess.run(["append", "--db", db, "--json", "-"], stdin: Data(enrol.utf8), in: directory)
    #expect(
      try Self.json(appended.stdout)
        == [
          "appended": .number(1), "firstPosition": .number(1), "lastPosition": .number(1), "alreadyPresent": .number(0),
        ])
    let granted = try LedgerProcess.run(
      ["grant", "--db", db, "--actor", "system", "ann", "global-admin", "--org", "contoso", "--json"], in: directory)
    guard case .object(let recorded)? = try Self.json(granted.stdout)["recorded"] else {
      Issue.record("no recorded event: \(granted.stdout) \(granted.stderr)")
      return
    }
    #expect(recorded.first { $0.key == "type" }?.value == .string("RoleGranted"))
    let refused = try LedgerProcess.run(
      ["purchase", "--db", db, "--actor", "mallory", "contoso", "gold", "--json"], in: directory)
    #expect(refused.status == 69)
    #expect(try Self.json(refused.stdout)["refused"] != nil)
    let activity = try LedgerProcess.run(["export-activity", "--db", db, "--json"], in: directory)
    let lines = activity.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(try Self.json(String(lines[1]))["action"] == .string("RoleGranted"))
  }

  @Test func importAcrReadsStandardInputAndCountsRowsInWords() throws {
    let enrol = #"{"type":"OrganizationEnrolled","effective":"2021-01-01","org":"contoso","name":"Contoso"}"#
    #expect(try LedgerProcess.run(["append", "--db", db], stdin: Data(enrol.utf8), in: directory).status == 0)
    let csv = AcrCommandTests.header + "contoso,p1,c1,s1,2021-05,100,DPOR,Pay-As-You-Go,,,AKS,\r\n"
    let imported = try LedgerProcess.run(
      ["import-acr", "--db", db, "--actor", "partner-center", "-"], stdin: Data(csv.utf8), in: directory)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout == "imported 1 row: appended 1 event at positions 2…2\n")
    let log = try LedgerProcess.run(["log", "--db", db, "--from-position", "2"], in: directory)
    #expect(log.stdout.contains("written by partner-center"))
  }

  @Test(arguments: [
    (["log", "--from-position", "-5"], "--from-position must be 1 or more, not -5"),
    (["append", "--durability", "sometimes"], "Please provide one of 'full' and 'normal'"),
    (["status", "x", "--known-at-position", "-1"], "--known-at-position must not be negative"),
  ])
  func badOptionValuesAreNamedWithWhatIsAccepted(arguments: [String], message: String) throws {
    let run = try LedgerProcess.run(arguments + ["--db", db], stdin: Data(), in: directory)
    #expect(run.status == 64)
    #expect(run.stderr.contains(message), "\(run.stderr)")
  }

  @Test func grantsHelpListsOnlyRolesThatCanBeGranted() throws {
    let help = try LedgerProcess.run(["grant", "--help"], in: directory).stdout
      .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(help.contains("(values: global-admin, account-admin, microsoft-agent, auditor)"))
    #expect(!help.contains("individual,") && !help.contains(", system"))
  }
}

extension CommandLineConventionTests {
  @Test func theProfileCarriesTheKeysTheInterfaceFixes() throws {
    _ = try LedgerProcess.run(["demo", "--db", db], in: directory)
    let profile = try LedgerProcess.run(
      ["profile", "contoso", "--db", db, "--as-of", "2021-10-31", "--json"], in: directory)
    #expect(profile.status == 0, "\(profile.stderr)")
    let document = try Self.json(profile.stdout)
    #expect(document["org"] == .string("contoso") && document["asOf"] == .string("2021-10-31"))
    #expect(document["membership"] == .string("gold"))
    guard case .array(let competencies)? = document["competencies"],
      case .array(let tags)? = document["specializations"]
    else { return }
    #expect(!competencies.isEmpty && !tags.isEmpty)
    for competency in competencies {
      guard case .object(let members) = competency else { continue }
      #expect(Set(members.map(\.key)) == ["competency", "level", "since"])
    }
  }
}
