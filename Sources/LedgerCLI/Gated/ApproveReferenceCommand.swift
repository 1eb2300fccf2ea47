import ArgumentParser
import LedgerCommands
import LedgerCore

/// `ledger approve-reference`: approves a customer reference.
struct ApproveReferenceCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "approve-reference", abstract: "Approve a submitted customer reference (a Microsoft agent).",
    discussion: Help.gated(example: "ledger approve-reference contoso sap-on-microsoft-azure ref-1 --actor agent-7"))

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var options: CommandOptions

  @Argument(help: "The organization.") var org: String
  @Argument(help: "The specialization id.") var specialization: String
  @Argument(help: "The reference id.") var reference: String

  func run() async throws {
    try await reportingFailures {
      try await options.record(
        .approveReference(org: org, specialization: specialization, reference: reference), in: database)
    }
  }
}
