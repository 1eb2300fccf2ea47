/// A stored record as `ledger log` shows it: voided events stay, marked with the position
/// of the correction that voided them. ``isVisible(knownAt:)`` is the one rule every read
/// of every backend filters by.
public struct LogEntry: Equatable, Sendable {
  /// The stored record.
  public let record: EventRecord
  /// The position of the first correction naming this event, if any.
  public let voidedBy: Int64?

  /// Creates an entry.
  public init(record: EventRecord, voidedBy: Int64?) {
    self.record = record
    self.voidedBy = voidedBy
  }

  /// Whether a question known at position `knownAt` sees the event: it was recorded by then
  /// and no correction recorded by then voids it.
  public func isVisible(knownAt: Int64) -> Bool {
    Self.isVisible(position: record.position, voidedBy: voidedBy, knownAt: knownAt)
  }

  /// The rule of ``isVisible(knownAt:)`` for a record at `position` voided by `voidedBy`.
  public static func isVisible(position: Int64, voidedBy: Int64?, knownAt: Int64) -> Bool {
    position <= knownAt && (voidedBy.map { $0 > knownAt } ?? true)
  }
}
