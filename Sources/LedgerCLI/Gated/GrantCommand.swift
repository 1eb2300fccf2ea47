import ArgumentParser
import LedgerCommands
import LedgerCore

/// `ledger grant`: grants a role, as a Global admin of the organization or system.
struct GrantCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "grant", abstract: "Grant a role (global-admin, account-admin with --org; microsoft-agent, auditor).",
    discussion: Help.gated(example: "ledger grant zoe account-admin --org contoso --actor admin-contoso"))

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var options: CommandOptions

  @Argument(help: "The actor who receives the role.") var subject: String
  @Argument(help: "global-admin, account-admin, microsoft-agent or auditor.") var role: Role
  @Option(help: "The organization, for global-admin and account-admin.") var org: String?

  func run() async throws {
    try await reportingFailures {
      try await options.record(.grant(subject: subject, role: role, org: org), in: database)
    }
  }
}
