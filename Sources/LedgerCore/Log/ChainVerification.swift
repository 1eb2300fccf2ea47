/// The result of recomputing the hash chain over the whole log.
public struct ChainVerification: Equatable, Sendable {
  /// The number of events checked.
  public let eventCount: Int64
  /// The hash of the last event, or the genesis hash for an empty log.
  public let headHash: [UInt8]
  /// The first position that does not match, with the reason; `nil` when the chain holds.
  public let firstMismatch: Mismatch?

  /// A position whose stored data does not match the chain.
  public struct Mismatch: Equatable, Sendable {
    /// The position (or, for a gap, the position expected there).
    public let position: Int64
    /// What does not match.
    public let reason: String

    /// Creates a mismatch.
    public init(position: Int64, reason: String) {
      self.position = position
      self.reason = reason
    }
  }

  /// Creates a result.
  public init(eventCount: Int64, headHash: [UInt8], firstMismatch: Mismatch?) {
    self.eventCount = eventCount
    self.headHash = headHash
    self.firstMismatch = firstMismatch
  }

  /// Whether every event matched.
  public var isIntact: Bool { firstMismatch == nil }
}
