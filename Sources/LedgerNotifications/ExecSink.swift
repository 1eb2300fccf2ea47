import Foundation
import LedgerCore
public import LedgerQueries

/// Runs a shell command once per alert with the alert's JSON on its standard input (and its
/// id in `LEDGER_ALERT_ID`); exit 0 acknowledges, anything else is retried with backoff.
public struct ExecSink: AlertSink {
  /// The command, run with `/bin/sh -c`.
  public let command: String
  /// The retries.
  public let retry: RetryPolicy

  /// Creates the sink.
  public init(command: String, retry: RetryPolicy) {
    self.command = command
    self.retry = retry
  }

  public func deliver(_ alert: Alert) async throws(DeliveryFailure) {
    let failure = await retry.run { () async -> (reason: String, retryable: Bool)? in
      do {
        let status = try run(alert)
        return status == 0 ? nil : ("command exited with status \(status)", true)
      } catch {
        return ("command could not start: \(error)", false)
      }
    }
    if let failure { throw DeliveryFailure(alertID: alert.id, reason: failure) }
  }

  private func run(_ alert: Alert) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    var environment = ProcessInfo.processInfo.environment
    environment["LEDGER_ALERT_ID"] = alert.id
    process.environment = environment
    let input = Pipe()
    process.standardInput = input
    // A command that exits without reading must not kill this process with SIGPIPE.
    signal(SIGPIPE, SIG_IGN)
    try process.run()
    // A command that does not read its input must not fail the delivery.
    try? input.fileHandleForWriting.write(contentsOf: alert.json.canonicalBytes)
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
    return process.terminationStatus
  }
}
