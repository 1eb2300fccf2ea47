import ArgumentParser
import LedgerCommands
import LedgerCore

/// `ledger depart`: an individual leaves an organization.
struct DepartCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "depart",
    abstract: "Record that an individual left an organization (the individual or an admin of it).",
    discussion: Help.gated(example: "ledger depart bob contoso --actor admin-contoso --effective 2021-06-15"))

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var options: CommandOptions

  @Argument(help: "The individual.") var individual: String
  @Argument(help: "The organization.") var org: String

  func run() async throws {
    try await reportingFailures {
      try await options.record(.depart(individual: individual, org: org), in: database)
    }
  }
}
