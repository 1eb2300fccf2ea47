import ArgumentParser
import Foundation
import LedgerCommands
import LedgerCore
import LedgerPresentation
import LedgerStorage

/// `ledger append [FILE…]`: validates every line, then appends all events in one transaction.
struct AppendCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "append",
    abstract: "Append NDJSON events from files (or stdin) in one transaction: all or nothing.",
    discussion: Help.text(
      """
      Every line is validated before anything is written. On any problem, one line per \
      problem is printed as FILE:LINE: REASON, nothing is written, and the exit code is 65. \
      An event whose id is already recorded with the same content is skipped; with other \
      content it is a problem.

      Events a program action records (roles, purchases, renewals, overrides, audits, \
      customer references) must pass the same role and gate checks as the commands that \
      record them, in input order, as --actor (default: system, which only bootstraps \
      roles); a refusal is a problem of its line. Facts from other systems (enrolments, \
      credentials, associations, departures, ACR and performance figures) are not gated. \
      --unchecked imports history as it is (a migration, a replay of the program's past): \
      every event is marked as imported unchecked, with --actor (required then) as its writer.
      """, example: "ledger append --actor admin-contoso purchases.ndjson",
      exits: [.success, .usage, .dataError, .noInput, .ioError, .temporaryFailure])
  )

  @OptionGroup var database: DatabaseOptions

  @Option(help: "Who writes the events (recorded as each event's writer); default: system.")
  var actor: String?

  @Flag(help: "Import history without the program's gates, marking every event so; needs --actor.")
  var unchecked = false

  @Option(help: "Commit durability: full (sync every commit, the default) or normal.")
  var durability: Durability = .full

  @Argument(help: "NDJSON files to append; standard input when none (or -).")
  var files: [String] = []

  @Flag(help: "Print the summary as one JSON object.")
  var json = false

  @Flag(help: "Show no progress on the terminal.")
  var quiet = false

  func run() async throws {
    try await reportingFailures {
      if unchecked, actor == nil {
        throw ValidationError("--unchecked needs --actor: the import records who ran it")
      }
      let writer: String
      do throws(EventValidationError) {
        writer = try CanonicalText.canonical(actor ?? CommandHandler.systemActor, field: "--actor", kind: .identifier)
      } catch {
        throw ValidationError("\(error.reason)")
      }
      var input = AppendInput(files: files)
      defer { input.removeSpool() }
      let catalogs = try BundledCatalog.load()
      let progress = ProgressLine(command: "append", quiet: quiet)
      defer { progress.finish() }
      try await input.check(against: catalogs) { progress.update("checked", $0, unit: "lines") }
      progress.finish()
      guard input.problems.isEmpty else { throw CommandFailure(status: .dataError, lines: input.problems.lines) }
      progress.begin()
      let log = try await database.openLogForWriting(durability: durability)
      var tally = AppendTally()
      do {
        try await log.inOneTransaction {
          try await input.forEachChunk(against: catalogs) { events, sources in
            do {
              if unchecked {
                tally.add(try await log.append(events.map { $0.written(by: writer, unchecked: true) }))
              } else {
                tally.add(try await CheckedAppend(log: log, catalogs: catalogs).append(events, writer: writer))
              }
              progress.update("appended", tally.appended + tally.alreadyPresent, of: input.eventCount, unit: "events")
            } catch let rejection as AppendRejection {
              throw CommandFailure(
                status: .dataError,
                lines: rejection.problems.map { InputProblem(source: sources[$0.index], reason: $0.reason).description }
              )
            }
          }
        }
      } catch {
        throw CommandFailure.storage(error, path: database.resolvedPath)
      }
      progress.finish()
      print(json ? AppendDocument.json(of: tally) : AppendDocument.text(of: tally))
    }
  }
}
