import LedgerCore

/// The Merkle tree's stored levels as an append meets them: the nodes it completes, kept
/// until the append writes them, and the open run of each stored level (the nodes since its
/// last complete run of 256), read once when the connection meets a new head, so that
/// ``MerkleTiles`` completes a tile of tiles without a query in the middle of sealing.
final class PostgresTileBuffer: MerkleTileStore {
  /// A node to store.
  struct Node {
    let level: Int
    let index: Int64
    let hash: MerkleTree.Hash
  }

  private var pending: [Node] = []
  private var runs: [Int: (first: Int64, hashes: [MerkleTree.Hash])]

  /// A buffer continuing the open runs `runs` (by level: the first node's index and the
  /// nodes since it).
  init(runs: [Int: (first: Int64, hashes: [MerkleTree.Hash])] = [:]) {
    self.runs = runs
  }

  func storeNode(level: Int, index: Int64, hash: MerkleTree.Hash) {
    pending.append(Node(level: level, index: index, hash: hash))
    let width = 1 << MerkleTiles.height
    if var run = runs[level], run.first + Int64(run.hashes.count) == index, run.hashes.count < width {
      run.hashes.append(hash)
      runs[level] = run
    } else {
      runs[level] = (index, [hash])
    }
  }

  func storedNodes(level: Int, from first: Int64, count: Int64) -> [MerkleTree.Hash] {
    guard let run = runs[level], run.first == first else { return [] }
    return Array(run.hashes.prefix(Int(count)))
  }

  /// The nodes stored since the last call, to write.
  func takePending() -> [Node] {
    defer { pending.removeAll() }
    return pending
  }
}
