/// A log that proves what it holds to outsiders: inclusion and consistency proofs over its
/// Merkle tree (RFC 9162), and the signed checkpoints it recorded (`ledger checkpoint`,
/// `ledger prove`, and `ledger verify` against them).
public protocol ProvableLog: EventLog {
  /// The inclusion proof of the event at `position` in the tree of `size` events, with the
  /// event's leaf (its canonical record).
  func inclusionProof(position: Int64, size: Int64) async throws -> (leaf: [UInt8], path: [MerkleTree.Hash])

  /// The consistency proof from the tree of `oldSize` events to the tree of `newSize`.
  func consistencyProof(oldSize: Int64, newSize: Int64) async throws -> [MerkleTree.Hash]

  /// Computes the tree at the head and records the checkpoint `sign` makes of it, in one
  /// unit of work (so the size and root are the head's as signed).
  func recordCheckpoint(
    _ sign: (_ size: Int64, _ root: MerkleTree.Hash) throws -> Checkpoint
  ) async throws -> Checkpoint

  /// The checkpoints this ledger recorded, oldest first.
  func recordedCheckpoints() async throws -> [Checkpoint]
}
