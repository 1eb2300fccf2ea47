import ArgumentParser
import LedgerCommands
import LedgerCore

/// `ledger renew`: renews the membership in its renewal window.
struct RenewCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "renew",
    abstract: "Renew the membership (an admin; inside the renewal window, with a competency attained at the level).",
    discussion: Help.gated(example: "ledger renew contoso gold --actor admin-contoso --effective 2022-01-20"))

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var options: CommandOptions

  @Argument(help: "The organization.") var org: String
  @Argument(help: "silver or gold.") var level: Level

  func run() async throws {
    try await reportingFailures {
      try await options.record(.renew(org: org, level: level), in: database)
    }
  }
}
