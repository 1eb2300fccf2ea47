public import LedgerCore

/// What an answer rests on: the position it was computed at and the Merkle root of the log
/// up to there, so the answer can be tied to a checkpoint of that size later
/// (`ledger prove … --checkpoint`).
public struct AnswerGround: Sendable {
  /// The known-at position.
  public let position: Int64
  /// The tree root at that position.
  public let rootHash: MerkleTree.Hash

  /// The ground of an answer computed at `position` of `log`.
  public init(log: any EventLog, position: Int64) async throws {
    self.position = position
    self.rootHash = try await log.treeRoot(size: position)
  }
}
