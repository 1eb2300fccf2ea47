/// Checks a log record by record, in position order and in constant memory, as any backend
/// reads it: positions 1, 2, 3, … without gaps, recorded instants rising, each chain hash
/// recomputed from the record and the previous hash, and the Merkle tree rebuilt from the
/// records' canonical bytes, so that every stored subtree and every given checkpoint can be
/// compared with what the events themselves give.
package struct LogVerifier {
  /// Records checked so far.
  package private(set) var count: Int64 = 0
  /// The chain hash after the last record.
  package private(set) var chainHead = HashChain.genesis
  /// Stored subtree hashes compared so far.
  package private(set) var nodesChecked = 0
  private var lastRecorded = Int64.min
  /// The hashes of the complete subtrees of the tree so far, by level (a binary counter).
  private var frontier: [MerkleTree.Hash?] = []
  private let storedLevels: Set<Int>
  private var roots: [Int64: MerkleTree.Hash] = [:]
  private let sizesWanted: Set<Int64>

  /// A verifier that compares stored subtrees at `storedLevels` and keeps the root at each
  /// of `sizes` (the checkpoints to check).
  package init(storedLevels: Set<Int>, rootsAt sizes: Set<Int64>) {
    self.storedLevels = storedLevels
    self.sizesWanted = sizes
    if sizes.contains(0) { roots[0] = MerkleTree.emptyRoot }
  }

  /// Checks the next record; `stored` answers the stored hash of a complete subtree
  /// (`nil` when none is kept).
  /// - Returns: the mismatch, when the record does not follow.
  package mutating func add(
    _ record: EventRecord, stored: (_ level: Int, _ index: Int64) throws -> MerkleTree.Hash?
  ) rethrows -> ChainVerification.Mismatch? {
    let expected = count + 1
    guard record.position == expected else {
      return .init(position: expected, reason: "expected position \(expected), found \(record.position)")
    }
    guard record.recorded.microseconds > lastRecorded else {
      return .init(position: record.position, reason: "recorded instant does not increase")
    }
    let canonical = record.canonicalBytes
    let hash = HashChain.link(previous: chainHead, canonical: canonical)
    guard PackedHash(hash) == record.packedHash else {
      return .init(position: record.position, reason: "hash does not match the event's content and the previous hash")
    }
    chainHead = hash
    lastRecorded = record.recorded.microseconds
    count = expected
    var carry = MerkleTree.leafHash(canonical)
    var level = 0
    while level < frontier.count, let left = frontier[level] {
      carry = MerkleTree.nodeHash(left, carry)
      frontier[level] = nil
      level += 1
      if storedLevels.contains(level), let kept = try stored(level, (count >> level) - 1) {
        nodesChecked += 1
        guard kept == carry else {
          let first = ((count >> level) - 1) << level + 1
          return .init(
            position: first,
            reason: "the stored tree node over positions \(first)…\(count) does not match the events")
        }
      }
    }
    if level == frontier.count { frontier.append(nil) }
    frontier[level] = carry
    if sizesWanted.contains(count) { roots[count] = root }
    return nil
  }

  /// The root of the tree over the records checked so far.
  package var root: MerkleTree.Hash {
    var result: MerkleTree.Hash?
    for node in frontier {
      guard let node else { continue }
      result = result.map { MerkleTree.nodeHash(node, $0) } ?? node
    }
    return result ?? MerkleTree.emptyRoot
  }

  /// The root the records gave at `size`, when that size was asked for and reached.
  package func root(at size: Int64) -> MerkleTree.Hash? { roots[size] }

  /// The mismatch when the log stores `stored` tree nodes where the records checked give
  /// another number (or the walk compared fewer than they give): a node missing or added.
  package func storedTreeMismatch(storedNodes stored: Int64) -> ChainVerification.Mismatch? {
    let expected = MerkleTiles.storedNodeCount(size: count)
    guard stored != expected || Int64(nodesChecked) != expected else { return nil }
    return .init(
      position: count, reason: "the stored Merkle tree holds \(stored) nodes where the events give \(expected)")
  }

  /// The failure of each of `checkpoints` the records checked do not extend.
  package func failures(of checkpoints: [Checkpoint]) -> [ChainVerification.CheckpointFailure] {
    checkpoints.compactMap(failure(of:))
  }

  /// Why the records checked so far do not extend `checkpoint`, or `nil` when they do.
  package func failure(of checkpoint: Checkpoint) -> ChainVerification.CheckpointFailure? {
    guard checkpoint.size <= count else {
      return .init(
        size: checkpoint.size,
        reason:
          "the log holds \(count) events, fewer than the checkpoint's \(checkpoint.size): events were removed")
    }
    guard root(at: checkpoint.size) == checkpoint.rootHash else {
      return .init(
        size: checkpoint.size,
        reason:
          "the first \(checkpoint.size) events do not give the checkpoint's root: an event at or before position \(checkpoint.size) was changed, removed or forged"
      )
    }
    return nil
  }
}
