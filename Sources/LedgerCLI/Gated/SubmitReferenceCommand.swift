import ArgumentParser
import LedgerCommands
import LedgerCore

/// `ledger submit-reference`: submits a customer reference.
struct SubmitReferenceCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "submit-reference", abstract: "Submit a customer reference for a specialization (an admin).",
    discussion: Help.gated(
      example: "ledger submit-reference contoso sap-on-microsoft-azure ref-1 --customer northwind --actor admin-contoso"
    ))

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var options: CommandOptions

  @Argument(help: "The organization.") var org: String
  @Argument(help: "The specialization id.") var specialization: String
  @Argument(help: "The reference id.") var reference: String
  @Option(help: "The customer.") var customer: String

  func run() async throws {
    try await reportingFailures {
      try await options.record(
        .submitReference(org: org, specialization: specialization, reference: reference, customer: customer),
        in: database)
    }
  }
}
