public import LedgerCore
public import Projections

extension LogSummary {
  /// The summary of every event visible at the head of `log`, folded as it streams.
  public static func reading(_ log: any EventLog) async throws -> LogSummary {
    var summary = LogSummary()
    try await log.forEachEvent(from: 1, knownAt: try await log.headPosition()) { summary.apply($0) }
    return summary
  }
}
