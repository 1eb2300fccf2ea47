import ArgumentParser
import LedgerCommands
import LedgerCore

/// `ledger associate`: an individual links their certifications to an organization.
struct AssociateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "associate",
    abstract: "Link an individual's certifications to an organization (the individual; 3 a year, 30 days apart).",
    discussion: Help.gated(example: "ledger associate alice contoso --actor alice --effective 2021-03-01"))

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var options: CommandOptions

  @Argument(help: "The individual.") var individual: String
  @Argument(help: "The organization.") var org: String

  func run() async throws {
    try await reportingFailures {
      try await options.record(.associate(individual: individual, org: org), in: database)
    }
  }
}
