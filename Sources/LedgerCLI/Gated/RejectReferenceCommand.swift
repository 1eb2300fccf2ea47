import ArgumentParser
import LedgerCommands
import LedgerCore

/// `ledger reject-reference`: rejects a customer reference.
struct RejectReferenceCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reject-reference", abstract: "Reject a submitted customer reference (a Microsoft agent).",
    discussion: Help.gated(example: "ledger reject-reference contoso sap-on-microsoft-azure ref-2 --actor agent-7"))

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var options: CommandOptions

  @Argument(help: "The organization.") var org: String
  @Argument(help: "The specialization id.") var specialization: String
  @Argument(help: "The reference id.") var reference: String

  func run() async throws {
    try await reportingFailures {
      try await options.record(
        .rejectReference(org: org, specialization: specialization, reference: reference), in: database)
    }
  }
}
