import ArgumentParser
import LedgerCommands
import LedgerCore

/// `ledger schedule-audit`: schedules the audit of a specialization.
struct ScheduleAuditCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schedule-audit",
    abstract: "Schedule the third-party audit of a specialization (an admin; every other prerequisite must be met).",
    discussion: Help.gated(example: "ledger schedule-audit contoso kubernetes-on-microsoft-azure --actor admin-contoso")
  )

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var options: CommandOptions

  @Argument(help: "The organization.") var org: String
  @Argument(help: "The specialization id.") var specialization: String

  func run() async throws {
    try await reportingFailures {
      try await options.record(.scheduleAudit(org: org, specialization: specialization), in: database)
    }
  }
}
