public import LedgerCore

extension SQLiteEventLog {
  /// Recomputes the chain over every stored row, in position order, without decoding.
  ///
  /// It finds: a changed column (the recomputed hash differs), a changed hash, a missing or
  /// reordered row (positions not 1, 2, 3, … or a hash that no longer follows), and recorded
  /// instants that do not increase.
  public func verify() throws -> ChainVerification {
    let statement = try connection.statement(
      "SELECT \(selectedColumns) FROM events ORDER BY position")
    defer { statement.reset() }
    var previous = HashChain.genesis
    var expected: Int64 = 1
    var lastRecorded = Int64.min
    func mismatch(_ position: Int64, _ reason: String) -> ChainVerification {
      ChainVerification(
        eventCount: expected - 1, headHash: previous,
        firstMismatch: .init(position: position, reason: reason))
    }
    while try statement.step() {
      let record: EventRecord
      do {
        record = try self.record(from: statement)
      } catch let error as StoredDataError {
        return mismatch(statement.int64(0), error.reason)
      }
      guard record.position == expected else {
        return mismatch(expected, "expected position \(expected), found \(record.position)")
      }
      guard record.recorded.microseconds > lastRecorded else {
        return mismatch(record.position, "recorded instant does not increase")
      }
      let hash = HashChain.link(previous: previous, record: record)
      guard hash == record.hash else {
        return mismatch(record.position, "hash does not match the event's content and the previous hash")
      }
      previous = hash
      lastRecorded = record.recorded.microseconds
      expected += 1
    }
    return ChainVerification(eventCount: expected - 1, headHash: previous, firstMismatch: nil)
  }
}
