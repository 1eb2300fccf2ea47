import ArgumentParser
import LedgerCommands
import LedgerCore

/// `ledger revoke-override`: revokes an override.
struct RevokeOverrideCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "revoke-override", abstract: "Revoke the override of a competency (a Microsoft agent).",
    discussion: Help.gated(example: "ledger revoke-override contoso cloud-platform --actor agent-7"))

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var options: CommandOptions

  @Argument(help: "The organization.") var org: String
  @Argument(help: "The competency id.") var competency: String

  func run() async throws {
    try await reportingFailures {
      try await options.record(.revokeOverride(org: org, competency: competency), in: database)
    }
  }
}
