/// The result of checking the whole log: the hash chain and the Merkle tree recomputed from
/// the events, the stored tree and derived tables compared with them, and each given
/// checkpoint proved to be a prefix of today's log.
public struct ChainVerification: Equatable, Sendable {
  /// The number of events checked.
  public let eventCount: Int64
  /// The hash of the last event, or the genesis hash for an empty log.
  public let headHash: [UInt8]
  /// The first position that does not match, with the reason; `nil` when the chain holds.
  public var firstMismatch: Mismatch?

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

  /// The Merkle root over every event, as the events give it.
  public var rootHash: MerkleTree.Hash = MerkleTree.emptyRoot
  /// What was checked, in words (`"hash chain over 82 events"`, `"org_streams: rebuilt from
  /// the events and compared (40 rows)"`).
  public var checked: [String] = []
  /// The given checkpoints that today's log does not extend, with the reason.
  public var checkpointFailures: [CheckpointFailure] = []

  /// A checkpoint the log does not extend.
  public struct CheckpointFailure: Equatable, Sendable {
    /// The checkpoint's tree size.
    public let size: Int64
    /// Why.
    public let reason: String

    /// Creates a failure.
    public init(size: Int64, reason: String) {
      self.size = size
      self.reason = reason
    }
  }

  /// Creates a result.
  public init(eventCount: Int64, headHash: [UInt8], firstMismatch: Mismatch?) {
    self.eventCount = eventCount
    self.headHash = headHash
    self.firstMismatch = firstMismatch
  }

  /// Whether every event matched and every checkpoint holds.
  public var isIntact: Bool { firstMismatch == nil && checkpointFailures.isEmpty }
}
