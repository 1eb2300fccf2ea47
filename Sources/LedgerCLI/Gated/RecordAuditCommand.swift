import ArgumentParser
import LedgerCommands
import LedgerCore

/// `ledger record-audit`: records the result of a scheduled audit.
struct RecordAuditCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "record-audit", abstract: "Record the result of a scheduled audit (an auditor).",
    discussion: Help.gated(example: "ledger record-audit contoso kubernetes-on-microsoft-azure pass --actor auditor-1"))

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var options: CommandOptions

  @Argument(help: "The organization.") var org: String
  @Argument(help: "The specialization id.") var specialization: String
  @Argument(help: "pass or no-pass.") var result: AuditResult

  func run() async throws {
    try await reportingFailures {
      try await options.record(.recordAudit(org: org, specialization: specialization, result: result), in: database)
    }
  }
}
