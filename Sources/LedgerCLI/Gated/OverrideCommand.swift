import ArgumentParser
import LedgerCommands
import LedgerCore

/// `ledger override`: places an achievement override.
struct OverrideCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "override",
    abstract:
      "Place an achievement override (a Microsoft agent); it lapses after three months unless --expires says otherwise.",
    discussion: Help.gated(
      example: "ledger override contoso cloud-platform gold --reason \"Partner Center sync\" --actor agent-7")
  )

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var options: CommandOptions

  @Argument(help: "The organization.") var org: String
  @Argument(help: "The competency id.") var competency: String
  @Argument(help: "silver or gold.") var level: Level
  @Option(help: "Why the override is placed.") var reason: String
  @Option(help: "The first day the override no longer holds (YYYY-MM-DD).", transform: CivilDate.init(parsing:))
  var expires: CivilDate?

  func run() async throws {
    try await reportingFailures {
      try await options.record(
        .placeOverride(
          org: org, competency: competency, level: level, reason: reason, expires: expires),
        in: database)
    }
  }
}
