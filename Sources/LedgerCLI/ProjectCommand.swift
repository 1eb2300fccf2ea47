import ArgumentParser
import Foundation
import LedgerCore
import LedgerPresentation
import LedgerQueries
import LedgerStorage

/// `ledger project`: brings the read models up to date, and with --follow keeps them so.
struct ProjectCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "project",
    abstract: "Bring the read models up to date with the log (and, with --follow, keep them so).",
    discussion: Help.text(
      """
      The read models hold each organization's alerts as known at the head, so `ledger \
      alerts` and `ledger notify` answer from them instead of replaying every organization. \
      A catch-up folds again only the organizations the events since its checkpoint concern, \
      in transactions of \(Projector.batchSize) organizations; stopped at any moment, the \
      next one resumes without folding again what was saved. `alerts` and `notify` catch up \
      by themselves; `project` does it ahead of them, and --rebuild folds everything from \
      scratch. A database opened read-only (an archive) is answered by replay instead.
      """, example: "ledger project --follow", exits: [.success, .usage, .dataError, .noInput, .ioError])
  )

  @OptionGroup var database: DatabaseOptions

  @Flag(help: "Keep running: catch up whenever new events arrive.")
  var follow = false

  @Flag(help: "Drop the read models and fold every organization again.")
  var rebuild = false

  @Option(name: .customLong("poll-seconds"), help: "With --follow, how often to look for new events.")
  var pollSeconds: Double = 2

  @Flag(help: "Show no progress on the terminal.")
  var quiet = false

  @Flag(help: "Print one JSON object per catch-up.")
  var json = false

  func validate() throws {
    guard pollSeconds > 0 else { throw ValidationError("--poll-seconds must be positive") }
  }

  func run() async throws {
    try await reportingFailures {
      let log = try await database.openKeeper()
      let projector = Projector(log: log, catalogs: try BundledCatalog.load())
      var fromScratch = rebuild
      while true {
        // Read before the pass: an event recorded during it wakes the next one at once.
        let seen = try await log.headPosition()
        let progress = ProgressLine(command: "project", quiet: quiet)
        let report: ProjectionReport
        do {
          defer { progress.finish() }
          let show = { (step: ProjectionProgress) in
            progress.update("folded", step.organizations, of: step.of, unit: "organizations")
          }
          report =
            fromScratch ? try await projector.rebuild(progress: show) : try await projector.catchUp(progress: show)
        } catch {
          throw CommandFailure.storage(error, path: database.resolvedPath)
        }
        if report.organizations > 0 || !follow {
          // Written at once: a follower's reports are read as they come (print's buffer would
          // hold them back from a pipe or a file).
          var output = OutputBuffer()
          output.write((json ? ProjectionDocument.json(report) : ProjectionDocument.text(report)) + "\n")
          output.flush()
        }
        fromScratch = false
        guard follow else { return }
        try await log.waitForChange(after: seen, timeout: .milliseconds(Int(pollSeconds * 1000)))
      }
    }
  }
}
