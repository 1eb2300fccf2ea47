import ArgumentParser
import Foundation
import LedgerCore
import LedgerPresentation
import LedgerQueries
import LedgerStorage

/// `ledger export-activity`: the activity log, as Partner Center offers it, from the log.
struct ExportActivityCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export-activity",
    abstract: "Export the activity log: when each fact was recorded, whom it affected, the action and the user.",
    discussion: Help.text(
      """
      --recorded-from and --recorded-to select by the day (UTC) each event was recorded, not its \
      effective date: the activity log is about who did what when. Voided events stay listed, \
      marked. Text is tab-separated with control characters escaped; --csv writes RFC 4180 \
      with a header and formulas neutralised; --json writes one object per event.
      """, example: "ledger export-activity --recorded-from 2021-01-01 --csv > activity.csv",
      exits: Help.queryExits)
  )

  @OptionGroup var database: DatabaseOptions

  @Option(
    name: .customLong("recorded-from"), help: "The first recording day (YYYY-MM-DD, UTC).",
    transform: CivilDate.init(parsing:))
  var recordedFrom: CivilDate?

  @Option(
    name: .customLong("recorded-to"), help: "The last recording day (YYYY-MM-DD, UTC).",
    transform: CivilDate.init(parsing:))
  var recordedTo: CivilDate?

  @Option(name: .customLong("from"), help: .hidden, transform: CivilDate.init(parsing:))
  var legacyFrom: CivilDate?

  @Option(name: .customLong("to"), help: .hidden, transform: CivilDate.init(parsing:))
  var legacyTo: CivilDate?

  @Flag(help: "Print CSV with a header line (the default is tab-separated text).")
  var csv = false

  @Flag(help: "Print NDJSON, one object per event, keyed as the CSV header.")
  var json = false

  func validate() throws {
    if csv, json { throw ValidationError("give --csv or --json, not both") }
    if let start, let end, start > end {
      throw ValidationError("--recorded-from \(start) is after --recorded-to \(end)")
    }
  }

  /// The first recording day asked for (`--recorded-from`, or its older spelling `--from`).
  var start: CivilDate? { recordedFrom ?? legacyFrom }
  /// The last recording day asked for (`--recorded-to`, or its older spelling `--to`).
  var end: CivilDate? { recordedTo ?? legacyTo }

  func run() async throws {
    try await reportingFailures {
      let (start, end) = (start, end)
      let log = try await database.openLogForReading()
      var output = OutputBuffer()
      output.write(csv ? ActivityLog.header + "\n" : "")
      let keys = ActivityLog.header.split(separator: ",").map(String.init)
      do {
        try await log.forEachEntry(from: 1) { entry in
          let day = entry.record.recorded.day
          guard start.map({ day >= $0 }) ?? true, end.map({ day <= $0 }) ?? true else { return }
          if json {
            let fields = try ActivityLog.fields(entry)
            output.write(bytes: JSONValue.object(zip(keys, fields).map { ($0, .string($1)) }).canonicalBytes)
            output.write("\n")
          } else {
            output.write((csv ? try ActivityLog.csvLine(entry) : try ActivityLog.textLine(entry)) + "\n")
          }
        }
      } catch {
        throw CommandFailure.storage(error, path: database.resolvedPath)
      }
      output.flush()
    }
  }

}
