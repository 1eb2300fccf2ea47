import ArgumentParser
import LedgerCommands
import LedgerCore

/// `ledger revoke`: takes a role away, as a Global admin of the organization or system.
struct RevokeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "revoke", abstract: "Revoke a role granted earlier.",
    discussion: Help.gated(example: "ledger revoke zoe account-admin --org contoso --actor admin-contoso"))

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var options: CommandOptions

  @Argument(help: "The actor who loses the role.") var subject: String
  @Argument(help: "global-admin, account-admin, microsoft-agent or auditor.") var role: Role
  @Option(help: "The organization, for global-admin and account-admin.") var org: String?

  func run() async throws {
    try await reportingFailures {
      try await options.record(.revoke(subject: subject, role: role, org: org), in: database)
    }
  }
}
