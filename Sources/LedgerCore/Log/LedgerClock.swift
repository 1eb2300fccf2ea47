internal import Foundation

/// Where the store reads the time it records; tests inject a fixed or stepping clock.
/// Projections never read a clock.
public struct LedgerClock: Sendable {
  /// The current instant.
  public var now: @Sendable () -> RecordedInstant

  /// Creates a clock from a function.
  public init(now: @escaping @Sendable () -> RecordedInstant) {
    self.now = now
  }

  /// The system's wall clock.
  public static let system = LedgerClock { RecordedInstant(Date()) }
}
