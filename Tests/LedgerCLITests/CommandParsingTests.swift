import ArgumentParser
import LedgerCore
import LedgerQueries
import LedgerTestSupport
import Testing

@testable import LedgerCLI

/// The command line as parsed in-process (`Ledger.parseAsRoot`), beside the end-to-end runs:
/// each option lands in its typed field, and a bad value is refused with the option named.
struct CommandParsingTests {
  @Test func aQueryReadsItsDateAndKnownAtPointAsTypedValues() throws {
    let parsed = try Ledger.parseAsRoot([
      "status", "contoso", "--as-of", "2021-03-31", "--known-at-position", "12", "--json", "--db", "x.sqlite",
    ])
    let status = try #require(parsed as? StatusCommand)
    #expect(status.org == "contoso")
    #expect(status.query.date() == Samples.date("2021-03-31"))
    #expect(status.query.knownAt.point() == .position(12))
    #expect(status.json)
    #expect(status.database.resolvedPath == "x.sqlite")
  }

  @Test func anInstantOrADayIsAKnownAtPoint() throws {
    let parsed = try Ledger.parseAsRoot(["alerts", "--known-at", "2021-04-01"])
    let alerts = try #require(parsed as? AlertsCommand)
    #expect(alerts.knownAt.point() == .instant(try RecordedInstant(parsing: "2021-04-01")))
  }

  @Test func aPositionAndAnInstantTogetherAreRefused() {
    let error = #expect(throws: (any Error).self) {
      try Ledger.parseAsRoot(["status", "contoso", "--known-at-position", "3", "--known-at", "2021-04-01"])
    }
    #expect(Ledger.message(for: error!) == "give --known-at-position or --known-at, not both")
    #expect(Ledger.exitCode(for: error!) == ExitStatus.usage.exitCode)
  }

  @Test(arguments: [
    (["status", "contoso", "--as-of", "2021-02-30"], "'--as-of <as-of>': no such day: \"2021-02-30\""),
    (
      ["history", "contoso", "--from", "2021-05-01", "--to", "2021-04-01"], "--from 2021-05-01 is after --to 2021-04-01"
    ),
    (["grant", "bob", "system", "--actor", "alice"], "The value 'system' is invalid for '<role>'"),
    (["append", "--durability", "sometimes"], "The value 'sometimes' is invalid for '--durability <durability>'"),
  ])
  func aBadValueIsRefusedNamingTheOption(arguments: [String], message: String) {
    let error = #expect(throws: (any Error).self) { try Ledger.parseAsRoot(arguments) }
    #expect(error.map { Ledger.message(for: $0).contains(message) } == true, "\(error.map(Ledger.message) ?? "")")
    #expect(error.map(Ledger.exitCode) == ExitStatus.usage.exitCode)
  }

  @Test func aGatedCommandTakesItsActorEffectiveDayAndTypedArguments() throws {
    let parsed = try Ledger.parseAsRoot([
      "override", "contoso", "cloud-platform", "gold", "--reason", "ramp-up", "--expires", "2021-06-30",
      "--actor", "agent-1", "--effective", "2021-03-01",
    ])
    let override = try #require(parsed as? OverrideCommand)
    #expect(override.level == .gold)
    #expect(override.expires == Samples.date("2021-06-30"))
    #expect(override.options.actor == "agent-1")
    #expect(override.options.effective == Samples.date("2021-03-01"))
  }

  @Test func theOlderSpellingsStillParseToTheSameFields() throws {
    let notify = try #require(
      try Ledger.parseAsRoot(["notify", "--sink", "stdout", "--now", "2022-01-01"]) as? NotifyCommand)
    #expect(notify.day == Samples.date("2022-01-01"))
    let export = try #require(
      try Ledger.parseAsRoot(["export-activity", "--from", "2021-01-01", "--to", "2021-12-31"])
        as? ExportActivityCommand)
    #expect(export.start == Samples.date("2021-01-01"))
    #expect(export.end == Samples.date("2021-12-31"))
  }
}
