import Foundation
public import LedgerCore

/// A test clock that starts at a fixed instant and moves by a fixed step (possibly
/// backwards) at each reading.
public final class SteppingClock: @unchecked Sendable {
  private let lock = NSLock()
  private var current: Int64
  private let step: Int64

  /// Starts at `start` microseconds and moves `step` microseconds per reading.
  public init(start: Int64 = 1_609_459_200_000_000, step: Int64 = 1_000) {
    current = start
    self.step = step
  }

  /// The clock the store reads.
  public var clock: LedgerClock {
    LedgerClock { [self] in
      lock.lock()
      defer { lock.unlock() }
      let now = current
      current += step
      return RecordedInstant(microseconds: now)
    }
  }
}
