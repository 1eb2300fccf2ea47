import ArgumentParser
import Foundation
import LedgerCore
import LedgerStorage

/// `ledger import-acr FILE.csv`: a Partner Center Insights ACR export, all or nothing.
struct ImportAcrCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import-acr",
    abstract: "Import a Partner Center Insights ACR export (CSV) as ConsumptionReported events, all or nothing.",
    discussion: """
      Reads the Insights column names (PartnerID, CustomerTenantId, SubscriptionId, Month, ACR_USD, \
      AssociationType, OfferType, ServiceLevel1-4, ServiceGroup2-3, ServiceInfluencer, ComputeOS, \
      ComputeOSAttribute, ComputeCoreSoftware, AdjustmentType); other columns are ignored. Any bad \
      row rejects the whole file with FILE:LINE: column NAME: reason. Importing the same rows again \
      is a no-op; a row with a restated amount restates the earlier one. Files that take more than \
      a few seconds report progress on stderr.
      """
  )

  @OptionGroup var database: DatabaseOptions

  @Option(help: "Commit durability: full (the default) or normal.")
  var durability: String = "full"

  @Argument(help: "The CSV export.")
  var file: String

  func run() async throws {
    try await reportingFailures {
      guard let level = Durability(rawValue: durability) else {
        throw ValidationError("--durability must be full or normal")
      }
      guard let data = InputFile.read(file) else {
        throw CommandFailure(exitCode: 66, lines: ["\(file): cannot read the file"])
      }
      let progress = ProgressReporter()
      var importer = ConsumptionImport(file: file)
      importer.read(data) { rows in progress.report("read \(rows) rows") }
      guard importer.batch.problems.isEmpty else {
        throw CommandFailure(exitCode: 65, lines: importer.batch.problems.map(\.description))
      }
      progress.report("appending \(importer.batch.events.count) events")
      let log = try database.openForWriting(durability: level)
      let receipt: AppendReceipt
      do {
        receipt = try log.append(importer.batch.events)
      } catch let rejection as AppendRejection {
        throw CommandFailure(exitCode: 65, lines: importer.batch.problems(for: rejection).map(\.description))
      } catch {
        throw CommandFailure.storage(error, path: database.resolvedPath)
      }
      print("imported \(importer.rows) rows: \(AppendCommand.summary(of: receipt))")
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
