import ArgumentParser
import Foundation
import LedgerCore
import LedgerNotifications
import LedgerQueries
import LedgerStorage

/// `ledger notify --sink SINK`: delivers due alerts to a sink, at least once, in order.
struct NotifyCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "notify",
    abstract: "Deliver every due alert a sink has not acknowledged, in order, recording its progress.",
    discussion: Help.text(
      """
      Sinks: stdout (NDJSON), file:PATH (appended NDJSON, synced), exec:COMMAND (one run per \
      alert, its JSON on stdin; non-zero exits retried), webhook:URL (POST with an \
      Idempotency-Key header; 5xx and timeouts retried, 4xx reported). Each alert is \
      acknowledged in the ledger database after the sink has it, so a restarted notify \
      resumes where the last one stopped; a redelivery after a crash carries the same id. \
      One notify per sink at a time: a second one is refused (exit 69), or waits with --follow. \
      A delivery that still fails after its retries stops the sink there (exit 69).
      """, example: "ledger notify --sink file:/var/spool/ledger/alerts.ndjson --follow",
      exits: [.success, .usage, .dataError, .noInput, .refused, .ioError])
  )

  @OptionGroup var database: DatabaseOptions

  @Option(help: "stdout, file:PATH, exec:COMMAND or webhook:URL.")
  var sink: String

  @Flag(help: "Keep running: deliver alerts as new events arrive and as days pass.")
  var follow = false

  @Option(
    name: .customLong("as-of"), help: "Deliver the alerts due up to this date (YYYY-MM-DD) instead of today (UTC).",
    transform: CivilDate.init(parsing:))
  var asOf: CivilDate?

  @Option(name: .customLong("now"), help: .hidden, transform: CivilDate.init(parsing:))
  var legacyNow: CivilDate?

  /// `--as-of`, or its older spelling `--now`, else today (UTC), read at each pass.
  var day: CivilDate { asOf ?? legacyNow ?? Today.date() }

  @Option(name: .customLong("poll-seconds"), help: "With --follow, how often to look for new events and a new day.")
  var pollSeconds: Double = 2

  @Option(help: "Attempts per alert for exec and webhook sinks, the first included.")
  var attempts = 5

  @Option(name: .customLong("backoff-ms"), help: "The wait before the first retry; it doubles with each retry.")
  var backoffMilliseconds = 500

  @Option(
    name: .customLong("timeout-seconds"),
    help:
      "How long one webhook call or exec run may take; past it the call is cancelled (the run's process group killed) and retried."
  )
  var timeoutSeconds: Double = 10

  func validate() throws {
    _ = try address()
    guard pollSeconds > 0, attempts > 0, backoffMilliseconds >= 0, timeoutSeconds > 0 else {
      throw ValidationError("--poll-seconds, --attempts and --timeout-seconds must be positive")
    }
  }

  func run() async throws {
    try await reportingFailures {
      let log = try await database.openKeeper()
      let projector = Projector(log: log, catalogs: try BundledCatalog.load())
      let address = try address()
      let retry = RetryPolicy(attempts: attempts, firstDelayMilliseconds: backoffMilliseconds)
      let courier: Courier
      do {
        courier = Courier(
          sink: address, deliverer: try address.makeSink(retry: retry, timeout: timeoutSeconds), progress: log)
      } catch let failure as DeliveryFailure {
        throw CommandFailure(status: .noInput, lines: [failure.reason])
      }
      try await takeLease(courier)
      do {
        try await deliverUntilDone(projector: projector, courier: courier, log: log)
      } catch {
        try? await courier.releaseLease()
        throw error
      }
      try? await courier.releaseLease()
    }
  }

  /// Delivers what is due, once or (with --follow) whenever the head or the day moves.
  private func deliverUntilDone(projector: Projector, courier: Courier, log: any EventLog) async throws {
    var delivered: (head: Int64, day: CivilDate)?
    while true {
      let (head, day) = await (try log.headPosition(), day)
      if delivered.map({ $0 != (head, day) }) ?? true {
        // A pass costs what is new: the read models catch up with the events since their
        // checkpoint, and the sink is offered what arrived or fell due since its last pass.
        try await projector.catchUp(through: day)
        let count = try await deliver(through: day, from: projector.log, by: courier)
        if count > 0 { Self.report("\(count) alert(s) delivered to \(courier.sink) (due up to \(day))") }
        delivered = (head, day)
      } else {
        try await courier.extendLease()
      }
      guard follow else { return }
      // PostgreSQL wakes this on an append; the timeout still brings the next day in.
      try await log.waitForChange(after: head, timeout: .milliseconds(Int(pollSeconds * 1000)))
    }
  }

  private func address() throws -> SinkAddress {
    do {
      return try SinkAddress(parsing: sink)
    } catch {
      throw ValidationError("--sink: \(error)")
    }
  }

  /// Takes the sink's lease; without --follow a held lease is refused, with it we wait.
  private func takeLease(_ courier: Courier) async throws {
    while let held = try await courier.acquireLease() {
      guard follow else {
        throw CommandFailure(
          status: .refused,
          lines: [
            "sink \(courier.sink) is being delivered by another notify (\(held.holder), lease until \(held.expires))"
          ])
      }
      try await Task.sleep(for: .milliseconds(Int(pollSeconds * 1000)))
    }
  }

  private func deliver(through day: CivilDate, from store: any ReadModelStore, by courier: Courier) async throws -> Int
  {
    do {
      return try await courier.deliverDue(through: day, from: store)
    } catch let failure as DeliveryFailure {
      throw CommandFailure(status: .refused, lines: ["sink \(courier.sink): \(failure); the sink stops here"])
    } catch let lost as LeaseLost {
      throw CommandFailure(status: .refused, lines: ["\(lost)"])
    }
  }

  private static func report(_ line: String) {
    FileHandle.standardError.write(Data(("notify: " + line + "\n").utf8))
  }
}
