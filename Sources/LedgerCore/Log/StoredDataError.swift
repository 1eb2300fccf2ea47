/// A stored row that cannot be read back (a missing stream, an impossible date): the
/// database was changed outside the ledger.
public struct StoredDataError: Error, CustomStringConvertible {
  /// The position of the row, when known.
  public let position: Int64?
  /// What is wrong.
  public let reason: String

  /// An error at `position` (`nil` when the row has none).
  public init(position: Int64?, reason: String) {
    self.position = position
    self.reason = reason
  }

  public var description: String {
    position.map { "stored event at position \($0): \(reason)" } ?? "stored data: \(reason)"
  }
}
