import ArgumentParser
import LedgerCatalog
import LedgerCore
import LedgerPresentation
import LedgerQueries
import Projections

/// `ledger acr ORG`: the Azure consumed revenue behind each requirement, and what is left out.
struct AcrCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "acr",
    abstract: "Show the ACR figures behind each requirement: amount, customers, met or not, and the rows left out.",
    discussion: Help.text(
      """
      Rows are left out for their offer type, their association, the metric's filter, as a \
      duplicate of the same amount counted through a higher-priority association, or for \
      falling outside the window. See docs/acr.md.
      """, example: "ledger acr contoso --specialization analytics-on-microsoft-azure --as-of 2021-06-30",
      exits: [.success, .usage, .dataError, .noInput, .ioError])
  )

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var query: QueryOptions

  @Argument(help: "The organization's id.")
  var org: String

  @Option(help: "Only this specialization's requirements.")
  var specialization: String?

  @Flag(help: "Print one JSON document.")
  var json = false

  func run() async throws {
    try await reportingFailures {
      try await query.run(on: database) { organizations, asOf, position in
        if let specialization, organizations.catalogs.catalog(on: asOf).specialization(specialization) == nil {
          throw CommandFailure(status: .usage, lines: ["unknown specialization \"\(specialization)\" on \(asOf)"])
        }
        let report = try await organizations.timeline(of: org, knownAt: position)
          .consumptionReport(asOf: asOf, specialization: specialization)
        if json {
          print(
            String(
              decoding: ConsumptionDocument.json(report, org: org, knownAtPosition: position).canonicalBytes,
              as: UTF8.self))
        } else {
          print(ConsumptionDocument.text(report, org: org, knownAtPosition: position))
        }
      }
    }
  }
}
