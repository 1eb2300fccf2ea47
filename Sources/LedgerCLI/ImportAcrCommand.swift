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

  @Flag(help: "Show no progress on the terminal.")
  var quiet = false

  func run() async throws {
    try await reportingFailures {
      let writer: String
      do throws(EventValidationError) {
        writer = try CanonicalText.canonical(actor ?? "system", field: "--actor", kind: .identifier)
      } catch {
        throw ValidationError("\(error.reason)")
      }
      let name = file == "-" ? "<stdin>" : file
      let copy = file == "-" ? try StandardInput.spool() : nil
      defer { copy?.remove() }
      let path = copy?.path ?? file
      let progress = ProgressLine(command: "import-acr", quiet: quiet)
      defer { progress.finish() }
      var importer = ConsumptionImport(file: name)
      // First pass: every row read and checked; nothing is kept but the problems.
      try await withFile(path, name: name) { handle in
        try await importer.read(handle, progress: { progress.update("checked", $0, unit: "rows") })
      }
      guard importer.problems.isEmpty else { throw CommandFailure(status: .dataError, lines: importer.problems.lines) }
      progress.finish()
      progress.begin()
      let total = importer.rows
      let log = try await database.openLogForWriting(durability: durability)
      var tally = AppendTally()
      do {
        // Second pass: the rows again, appended a chunk at a time inside one transaction.
        try await log.inOneTransaction {
          var events: [ProposedEvent] = []
          var sources: [SourceLine] = []
          func flush() async throws {
            do {
              tally.add(try await log.append(events))
            } catch let rejection as AppendRejection {
              throw CommandFailure(
                status: .dataError,
                lines: rejection.problems.map { InputProblem(source: sources[$0.index], reason: $0.reason).description }
              )
            }
            events.removeAll(keepingCapacity: true)
            sources.removeAll(keepingCapacity: true)
          }
          try await withFile(path, name: name) { handle in
            try await importer.read(handle, progress: { progress.update("appended", $0, of: total, unit: "rows") }) {
              event, source in
              events.append(event.written(by: writer))
              sources.append(source)
              if events.count == AppendInput.chunkSize { try await flush() }
            }
          }
          // The file changed between the passes: refuse what it now holds.
          guard importer.problems.isEmpty else {
            throw CommandFailure(status: .dataError, lines: importer.problems.lines)
          }
          if !events.isEmpty { try await flush() }
        }
      } catch {
        throw CommandFailure.storage(error, path: database.resolvedPath)
      }
      progress.finish()
      if json {
        print(AppendDocument.json(of: tally, extra: [("rows", .number(Decimal(importer.rows)))]))
      } else {
        print(
          "imported \(importer.rows) row\(importer.rows == 1 ? "" : "s"): \(AppendDocument.text(of: tally))"
        )
      }
    }
  }
}

/// Runs `body` with the file at `path` open for reading.
/// - Throws: ``CommandFailure`` (exit 66) when it cannot be opened; what `body` throws.
private func withFile(_ path: String, name: String, _ body: (FileHandle) async throws -> Void) async throws {
  guard let handle = FileHandle(forReadingAtPath: path) else {
    throw CommandFailure(status: .noInput, lines: ["\(name): cannot read the file"])
  }
  defer { try? handle.close() }
  try await body(handle)
}
