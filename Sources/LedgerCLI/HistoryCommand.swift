import ArgumentParser
import LedgerCore
import LedgerPresentation
import LedgerQueries
import LedgerStorage

/// `ledger history ORG`: the replay for audits, or what later records restated about the past.
struct HistoryCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "Replay an organization's history for audits: every event and time-driven change, with its effect.",
    discussion: Help.text(
      """
      In effective order: every event that touched the organization (its individuals' \
      credentials, associations and departures included) with who recorded it and when, and \
      every day time alone changed something (an override ending, a credential expiring, a \
      term ending, the renewal window opening and closing, an audit pass lapsing), each with \
      what it changed: before → after. With --restated-since POSITION: the events recorded \
      after that position and, stretch by stretch, the answers they changed about the past.
      """, example: "ledger history contoso --from 2020-01-01 --to 2021-12-31 --restated-since-position 30",
      exits: Help.queryExits)
  )

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var period: PeriodOptions
  @OptionGroup var knownAt: KnownAtOptions

  @Argument(help: "The organization's id.")
  var org: String

  @Option(
    name: .customLong("restated-since-position"), parsing: .unconditional,
    help: "Compare with the history as known at this position: what later records changed about the past.")
  var restatedSincePosition: Int64?

  @Option(name: .customLong("restated-since"), help: .hidden)
  var legacyRestatedSince: Int64?

  /// `--restated-since-position`, or its older spelling.
  var restatedSince: Int64? { restatedSincePosition ?? legacyRestatedSince }

  @Flag(help: "Print NDJSON, one object per entry.")
  var json = false

  func validate() throws {
    if let restatedSince, restatedSince < 0 {
      throw ValidationError("--restated-since-position must not be negative")
    }
  }

  func run() async throws {
    try await reportingFailures {
      let log = try await database.openLogForReading()
      let query = OrganizationQuery(log: log, catalogs: try BundledCatalog.load())
      let (start, end) = (period.start, period.end)
      let position = try await knownAt.point().resolve(in: log)
      var output = OutputBuffer()
      let ground = json ? try await AnswerGround(log: log, position: position) : nil
      func write(_ document: JSONValue?, _ text: @autoclosure () -> String) {
        self.write(document.map { ground?.adding(to: $0) ?? $0 }, text(), to: &output)
      }
      do {
        if let restatedSince {
          let report = try await query.restatements(
            of: org, since: restatedSince, knownAt: position, from: start, through: end)
          if !json {
            output.write(
              "\(org): recorded after position \(report.since), up to \(position): \(report.recorded.count) event(s)\n")
          }
          for event in report.recorded {
            write(json ? HistoryDocument.json(recorded: event) : nil, HistoryDocument.text(recorded: event))
          }
          if !json {
            output.write(
              report.restatements.isEmpty ? "No answer about the past changed.\n" : "Answers that changed:\n")
          }
          for restatement in report.restatements {
            write(json ? HistoryDocument.json(restatement) : nil, HistoryDocument.text(restatement))
          }
        } else {
          for entry in try await query.history(of: org, from: start, through: end, knownAt: position) {
            write(json ? HistoryDocument.json(entry) : nil, HistoryDocument.text(entry))
          }
        }
      } catch let unknown as UnknownOrganization {
        throw CommandFailure(status: .dataError, lines: ["\(unknown)"])
      }
      output.flush()
    }
  }

  private func write(_ document: JSONValue?, _ text: @autoclosure () -> String, to output: inout OutputBuffer) {
    if let document {
      output.write(bytes: document.canonicalBytes)
    } else {
      output.write(text())
    }
    output.write("\n")
  }
}
