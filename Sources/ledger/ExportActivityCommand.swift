import ArgumentParser
import LedgerCore
import LedgerQueries
import LedgerStorage

/// `ledger export-activity`: the activity log, as Partner Center offers it, from the log.
struct ExportActivityCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export-activity",
    abstract: "Export the activity log: when each fact was recorded, whom it affected, the action and the user.",
    discussion: """
      --from and --to select by the day (UTC) each event was recorded, not its effective date: \
      the activity log is about who did what when. Voided events stay listed, marked.
      """
  )

  @OptionGroup var database: DatabaseOptions

  @Option(help: "The first recording day (YYYY-MM-DD, UTC).")
  var from: String?

  @Option(help: "The last recording day (YYYY-MM-DD, UTC).")
  var to: String?

  @Flag(help: "Print CSV with a header line (the default is tab-separated text).")
  var csv = false

  func run() async throws {
    try await reportingFailures {
      let (start, end) = (try from.map(Self.date), try to.map(Self.date))
      let log = try database.openForReading()
      var output = OutputBuffer()
      output.write(csv ? ActivityLog.header + "\n" : "")
      try log.forEachEntry(from: 1) { entry in
        let day = CivilDate(dayNumber: Int(entry.record.recorded.microseconds / 86_400_000_000))
        guard start.map({ day >= $0 }) ?? true, end.map({ day <= $0 }) ?? true else { return }
        output.write((csv ? ActivityLog.csvLine(entry) : ActivityLog.textLine(entry)) + "\n")
      }
      output.flush()
    }
  }

  static func date(_ text: String) throws -> CivilDate {
    do {
      return try CivilDate(parsing: text)
    } catch {
      throw ValidationError("\(text): \(error)")
    }
  }
}
