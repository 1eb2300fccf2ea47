import ArgumentParser
import LedgerCommands
import LedgerCore

/// `ledger purchase`: buys a membership.
struct PurchaseCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "purchase", abstract: "Buy a membership (an admin; a competency must be attained at the level).",
    discussion: Help.gated(example: "ledger purchase contoso gold --actor admin-contoso --effective 2021-01-15"))

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var options: CommandOptions

  @Argument(help: "The organization.") var org: String
  @Argument(help: "silver or gold.") var level: Level

  func run() async throws {
    try await reportingFailures {
      try await options.record(.purchase(org: org, level: level), in: database)
    }
  }
}
