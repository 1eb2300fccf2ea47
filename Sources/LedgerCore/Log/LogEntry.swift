/// A stored record as `ledger log` shows it: voided events stay, marked with the position
/// of the correction that voided them.
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
}
