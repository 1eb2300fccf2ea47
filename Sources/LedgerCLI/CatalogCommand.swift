import ArgumentParser
import LedgerCatalog
import LedgerCore
import LedgerPresentation
import LedgerQueries

/// `ledger catalog`: the program rules in force on a date.
struct CatalogCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "catalog",
    abstract: "Print the program rules in force on a date: settings, competencies, specializations, placeholders.",
    discussion: Help.text(
      "The rules are data bundled with the ledger, versioned by effective date; see docs/catalog.md.",
      example: "ledger catalog --as-of 2021-07-01 --json", exits: [.success, .usage, .software])
  )

  @Option(
    name: .customLong("as-of"), help: "The date whose rules to print (YYYY-MM-DD); default: today (UTC).",
    transform: CivilDate.init(parsing:))
  var asOf: CivilDate?

  @Flag(help: "Print one JSON document.")
  var json = false

  func run() async throws {
    try await reportingFailures {
      let date = asOf ?? Today.date()
      let catalog = try BundledCatalog.load().catalog(on: date)
      if json {
        print(String(decoding: CatalogDocument.json(catalog, asOf: date).canonicalBytes, as: UTF8.self))
      } else {
        print(CatalogDocument.text(catalog, asOf: date))
      }
    }
  }
}
