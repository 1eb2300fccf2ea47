import ArgumentParser
import Foundation
import LedgerCore
import LedgerImport
import LedgerPresentation
import LedgerStorage

/// `ledger import-acr FILE.csv`: a Partner Center Insights ACR export, all or nothing.
struct ImportAcrCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import-acr",
    abstract: "Import a Partner Center Insights ACR export (CSV) as ConsumptionReported events, all or nothing.",
    discussion: Help.text(
      """
      Reads the Insights column names (PartnerID, CustomerTenantId, SubscriptionId, Month, ACR_USD, \
      AssociationType, OfferType, ServiceLevel1-4, ServiceGroup2-3, ServiceInfluencer, ComputeOS, \
      ComputeOSAttribute, ComputeCoreSoftware, AdjustmentType); other columns are ignored. Any bad \
      row rejects the whole file with FILE:LINE: column NAME: reason. Importing the same rows again \
      is a no-op; a row with a restated amount restates the earlier one. Files that take more than \
      a few seconds report progress on stderr.
      """, example: "ledger import-acr insights-2021-06.csv --actor partner-center",
      exits: [.success, .usage, .dataError, .noInput, .ioError, .temporaryFailure])
  )

  @OptionGroup var database: DatabaseOptions

  @Option(help: "Commit durability: full (the default) or normal.")
  var durability: Durability = .full

  @Option(help: "Who writes the rows (recorded as each event's writer); default: system.")
  var actor: String?

  @Argument(help: "The CSV export; - reads standard input.")
  var file: String

  @Flag(help: "Print the summary as one JSON object.")
  var json = false

  func run() async throws {
    try await reportingFailures {
      let writer: String
      do throws(EventValidationError) {
        writer = try CanonicalText.canonical(actor ?? "system", field: "--actor", kind: .identifier)
      } catch {
        throw ValidationError("\(error.reason)")
      }
      let name = file == "-" ? "<stdin>" : file
      guard let data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : InputFile.read(file) else {
        throw CommandFailure(status: .noInput, lines: ["\(file): cannot read the file"])
      }
      let progress = ProgressReporter()
      var importer = ConsumptionImport(file: name)
      importer.read(data) { rows in progress.report("read \(rows) rows") }
      guard importer.batch.problems.isEmpty else {
        throw CommandFailure(status: .dataError, lines: importer.batch.problems.map(\.description))
      }
      progress.report("appending \(importer.batch.events.count) events")
      let log = try database.openForWriting(durability: durability)
      let receipt: AppendReceipt
      do {
        receipt = try log.append(importer.batch.events.map { $0.written(by: writer) })
      } catch let rejection as AppendRejection {
        throw CommandFailure(status: .dataError, lines: importer.batch.problems(for: rejection).map(\.description))
      } catch {
        throw CommandFailure.storage(error, path: database.resolvedPath)
      }
      if json {
        print(AppendDocument.json(of: AppendTally(receipt), extra: [("rows", .number(Decimal(importer.rows)))]))
      } else {
        print(
          "imported \(importer.rows) row\(importer.rows == 1 ? "" : "s"): \(AppendDocument.text(of: AppendTally(receipt)))"
        )
      }
    }
  }
}

/// Progress lines on stderr, only once an operation has run for more than two seconds.
final class ProgressReporter {
  private let started = Date()

  func report(_ message: String) {
    let elapsed = Date().timeIntervalSince(started)
    guard elapsed > 2 else { return }
    FileHandle.standardError.write(Data("import-acr: \(message) (\(String(format: "%.1f", elapsed)) s)\n".utf8))
  }
}
