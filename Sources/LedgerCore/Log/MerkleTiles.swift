/// How a log keeps its Merkle tree as it grows: every eighth level is stored (a node over
/// 256 leaves, over 256 of those, …), so any node costs at most 255 hashes to compute, and
/// the leaves of the tile the head is in stay in memory while appends extend it.
package struct MerkleTiles {
  /// How many tree levels one stored tile spans: a stored node covers 2^8 nodes below it.
  package static let height = 8
  /// The levels a log stores.
  package static let storedLevels = Set(stride(from: height, through: 56, by: height))

  /// The leaf hashes of the incomplete tile at the head.
  package private(set) var leaves: [MerkleTree.Hash]

  /// Tiles continuing a log whose incomplete tile at the head holds `leaves`.
  package init(leaves: [MerkleTree.Hash]) {
    self.leaves = leaves
  }

  /// How many stored nodes a log of `size` events keeps.
  package static func storedNodeCount(size: Int64) -> Int64 {
    storedLevels.reduce(0) { $0 + size >> $1 }
  }

  /// Adds the leaf of the event written at `position`, storing each tile (and tile of
  /// tiles) it completes through `store`.
  /// - Throws: what `store` throws; ``StoredDataError`` when nodes a tile of tiles needs
  ///   are missing.
  package mutating func add(leaf: MerkleTree.Hash, position: Int64, store: some MerkleTileStore) throws {
    let width = Int64(1) << Self.height
    leaves.append(leaf)
    guard position % width == 0 else { return }
    var hashes = leaves
    leaves.removeAll(keepingCapacity: true)
    var level = Self.height
    var index = position / width - 1
    while true {
      try store.storeNode(level: level, index: index, hash: Self.subtree(of: hashes))
      guard (index + 1) % width == 0 else { return }
      // A tile of tiles completed: its hash comes from the 256 stored nodes below it.
      let below = level
      level += Self.height
      index = (index + 1) / width - 1
      hashes = try store.storedNodes(level: below, from: index * width, count: width)
      guard hashes.count == Int(width) else {
        throw StoredDataError(position: position, reason: "tree nodes of level \(below) are missing below \(index)")
      }
    }
  }

  /// The root of a complete subtree from its leaves (a power of two of them).
  package static func subtree(of hashes: [MerkleTree.Hash]) -> MerkleTree.Hash {
    // Each level is folded into the front of one buffer: no array per level.
    var level = hashes
    var count = level.count
    while count > 1 {
      for pair in 0..<count / 2 {
        level[pair] = MerkleTree.nodeHash(level[2 * pair], level[2 * pair + 1])
      }
      count /= 2
    }
    return level[0]
  }
}

/// Where a backend keeps the stored tiles of ``MerkleTiles``.
package protocol MerkleTileStore {
  /// Stores a complete subtree's hash (inside the append's transaction).
  func storeNode(level: Int, index: Int64, hash: MerkleTree.Hash) throws

  /// The stored nodes `first…first + count − 1` of `level`, in order (fewer when some are
  /// not stored).
  func storedNodes(level: Int, from first: Int64, count: Int64) throws -> [MerkleTree.Hash]
}
