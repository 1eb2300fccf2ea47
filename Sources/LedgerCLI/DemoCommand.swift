import ArgumentParser
import Foundation
import LedgerCore
import LedgerPresentation
import LedgerQueries
import LedgerStorage
import Projections

/// `ledger demo`: writes the bundled sample history into a fresh database and shows it.
struct DemoCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Write a small realistic sample history into a fresh database and show what it holds.",
    discussion: Help.text(
      "Uses a temporary database unless --db is given; a --db that already holds events is refused.",
      example: "swift run ledger demo --db /tmp/demo.sqlite", exits: [.success, .usage, .ioError])
  )

  @Option(name: .customLong("db"), help: "Where to write the sample; a temporary file when absent.")
  var path: String?

  func run() async throws {
    try await reportingFailures {
      let target =
        path
        ?? FileManager.default.temporaryDirectory
        .appendingPathComponent("ledger-demo-\(UUID().uuidString).sqlite").path
      guard let url = Bundle.module.url(forResource: "demo", withExtension: "ndjson"),
        let data = FileManager.default.contents(atPath: url.path)
      else {
        throw CommandFailure(status: .software, lines: ["the bundled sample history is missing"])
      }
      var batch = InputBatch()
      batch.read(data, file: "demo.ndjson")
      guard batch.problems.isEmpty else {
        throw CommandFailure(status: .software, lines: batch.problems.map(\.description))
      }
      let log = try DatabaseOptions.openForWriting(path: target)
      let summary: LogSummary
      let verification: ChainVerification
      do {
        guard try log.headPosition() == 0 else {
          throw CommandFailure(status: .usage, lines: ["\(target): demo needs a fresh database, this one holds events"])
        }
        // The sample is the program's past, imported as it is (by the writer "demo").
        let receipt = try log.append(batch.events.map { $0.written(by: "demo", unchecked: true) })
        print("Wrote the sample history to \(target): \(AppendDocument.text(of: AppendTally(receipt))).\n")
        summary = try await LogSummary.reading(log)
        verification = try await log.verify()
      } catch let failure as CommandFailure {
        throw failure
      } catch {
        throw CommandFailure.storage(error, path: target)
      }
      print(Self.describe(summary, verification))
      try await Self.showStatuses(of: log)
      try await Self.showHistoryAndAlerts(of: log)
      if path == nil {
        print("\nThe sample ledger stays at \(target) for the commands below; delete it when done.")
      }
      let ledger = Self.invocation
      print("\nTry: \(ledger) status contoso --db \(target) --as-of 2020-07-01 --json")
      print("     \(ledger) explain contoso cloud-platform --db \(target) --as-of 2020-07-01")
      print("     \(ledger) history contoso --db \(target) --to 2021-12-31")
      print("     \(ledger) notify --sink stdout --db \(target) --as-of 2021-12-31")
    }
  }

  /// How to run this same binary from where the user stands: `swift run ledger` from a
  /// build folder of the package, else the path it was started by.
  static var invocation: String {
    let path = CommandLine.arguments[0]
    if path.contains("/.build/") { return "swift run ledger" }
    return path.contains("/") ? path : "ledger"
  }

  /// Contoso on the days its story turns, and one answer as it was known before a correction.
  static func showStatuses(of log: SQLiteEventLog) async throws {
    let query = OrganizationQuery(log: log, catalogs: try BundledCatalog.load())
    let head = try log.headPosition()
    let moments: [(String, String, Int64)] = [
      ("2020-03-02", "Contoso buys a Gold membership", head),
      ("2020-07-01", "bob has left for Fabrikam: Application Development is at risk", head),
      ("2020-07-01", "the same day as known at position 30, before the departure's date was corrected", 30),
      ("2020-09-15", "a Microsoft agent's override holds Cloud Platform at Gold", head),
      ("2021-10-31", "renewed, and the audited specialization is active", head),
    ]
    for (date, story, position) in moments {
      let status = try await query.status(of: "contoso", asOf: try CivilDate(parsing: date), knownAt: position)
      print("\n== \(date): \(story)")
      print(StatusDocument.text(status, knownAtPosition: position, activeOnly: true))
    }
  }

  /// Contoso's history (the entries that changed something), what the departure's correction
  /// restated, and every alert of the sample.
  static func showHistoryAndAlerts(of log: SQLiteEventLog) async throws {
    let catalogs = try BundledCatalog.load()
    let query = OrganizationQuery(log: log, catalogs: catalogs)
    let (head, end) = (try log.headPosition(), try CivilDate(parsing: "2021-12-31"))
    let timeline = try await query.timeline(of: "contoso", knownAt: head)
    print("\n== Contoso's history through \(end): the events and days that changed what the program shows")
    for entry in timeline.history(through: end) where !entry.changes.isEmpty {
      print(HistoryDocument.text(entry))
    }
    print("\n== What the correction recorded at position 31 (bob left on 15 June, not 1 June) restated")
    let (before, after) = (
      try await query.timeline(of: "contoso", knownAt: 30), try await query.timeline(of: "contoso", knownAt: 31)
    )
    for restatement in after.restatements(comparedWith: before, through: end) {
      print(HistoryDocument.text(restatement))
    }
    print("\n== Alerts through \(end), as `ledger notify` delivers them")
    for alert in try await AlertFeed(log: log, catalogs: catalogs).alerts(through: end, knownAt: head) {
      print(AlertDocument.text(alert), terminator: "")
    }
  }

  static func describe(_ summary: LogSummary, _ verification: ChainVerification) -> String {
    var lines: [String] = []
    lines.append(
      "The ledger holds \(summary.eventCount) visible events (\(summary.corrections) correcting an earlier one).")
    if let span = summary.effectiveSpan {
      lines.append("Effective dates run from \(span.lowerBound) to \(span.upperBound).")
    }
    lines.append(
      "Organizations: "
        + summary.organizations.sorted { $0.key < $1.key }
        .map { "\($0.key) (\($0.value))" }.joined(separator: ", "))
    lines.append("Individuals: " + summary.individuals.sorted().joined(separator: ", "))
    lines.append("Events by type:")
    for (type, count) in summary.countsByType.sorted(by: { $0.key < $1.key }) {
      lines.append("  \(type): \(count)")
    }
    lines.append(
      "Hash chain: \(verification.isIntact ? "intact" : "BROKEN"), head \(HashChain.hex(verification.headHash).prefix(16))…"
    )
    return lines.joined(separator: "\n")
  }
}
