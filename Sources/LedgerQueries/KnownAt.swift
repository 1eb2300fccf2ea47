public import LedgerCore

/// The "as known at" point of a query: everything recorded, a position, or an instant.
public enum KnownAt: Equatable, Sendable {
  /// Everything recorded so far.
  case head
  /// Events at positions up to this one.
  case position(Int64)
  /// Events recorded at or before this instant.
  case instant(RecordedInstant)

  /// The position this point stands for in `log`.
  /// - Throws: what the log throws.
  public func resolve(in log: any EventLog) async throws -> Int64 {
    let head = try await log.headPosition()
    switch self {
    case .head: return head
    case .position(let position): return min(position, head)
    case .instant(let instant): return try await log.position(recordedAtOrBefore: instant)
    }
  }
}
