public import LedgerCore
import NIOCore
import PostgresNIO

extension PostgresEventLog {
  /// The root of the Merkle tree over the first `size` events: the perfect subtrees of the
  /// size's binary decomposition (one per set bit), each from a stored node, the stored level
  /// below it or at most 255 events, folded from the right as RFC 9162 defines the root.
  public func treeRoot(size: Int64) async throws -> MerkleTree.Hash {
    guard size > 0 else { return MerkleTree.emptyRoot }
    var root: MerkleTree.Hash?
    for level in 0..<64 where size >> level & 1 == 1 {
      let node = try await subtree(level: level, index: (size >> level) - 1)
      root = root.map { MerkleTree.nodeHash(node, $0) } ?? node
    }
    return root ?? MerkleTree.emptyRoot
  }

  /// The hash of the complete subtree of `2^level` leaves starting at leaf `index × 2^level`.
  func subtree(level: Int, index: Int64) async throws -> MerkleTree.Hash {
    let height = MerkleTiles.height
    if level >= height, level % height == 0 {
      let stored = try await storedNodes(level: level, from: index, count: 1)
      if let node = stored.first { return node }
    }
    let base = level % height == 0 ? level - height : level - level % height
    let span = Int64(1) << (level - base)
    let first = index * span
    var hashes: [MerkleTree.Hash]
    if base <= 0 {
      let span = Int64(1) << level
      hashes = try await leafHashes(from: index * span + 1, to: (index + 1) * span)
      guard hashes.count == Int(span) else {
        throw StoredDataError(
          position: index * span + Int64(hashes.count) + 1, reason: "the log ends inside a complete subtree")
      }
    } else {
      hashes = try await storedNodes(level: base, from: first, count: span)
      if hashes.count != Int(span) {
        var computed: [MerkleTree.Hash] = []
        for offset in 0..<span { computed.append(try await subtree(level: base, index: first + offset)) }
        hashes = computed
      }
    }
    return MerkleTiles.subtree(of: hashes)
  }

  /// The leaf hashes of positions `first…last`, in order.
  func leafHashes(from first: Int64, to last: Int64) async throws -> [MerkleTree.Hash] {
    let rows = try await rows(
      """
      SELECT \(unescaped: PostgresSchema.eventColumns) FROM events
      WHERE position >= \(first) AND position <= \(last) ORDER BY position
      """, doing: "reading events \(first)…\(last)")
    return try rows.map { MerkleTree.leafHash(try record(from: $0).canonicalBytes) }
  }

  /// The stored nodes `first…first + count − 1` of `level`, in order (fewer when some are
  /// not stored).
  func storedNodes(level: Int, from first: Int64, count: Int64) async throws -> [MerkleTree.Hash] {
    let rows = try await rows(
      """
      SELECT hash FROM merkle_tiles WHERE level = \(Int32(level)) AND idx >= \(first) AND idx < \(first + count)
      ORDER BY idx
      """, doing: "reading the Merkle tree's nodes")
    return try rows.map { Array(try $0.decode(ByteBuffer.self).readableBytesView) }
  }

  /// Loads the leaves of the tile the head is in and each stored level's open run, so
  /// appends extend the tree.
  func prepareTree(head: Int64) async throws {
    let width = Int64(1) << MerkleTiles.height
    tiles = MerkleTiles(leaves: try await leafHashes(from: head / width * width + 1, to: head))
    var runs: [Int: (first: Int64, hashes: [MerkleTree.Hash])] = [:]
    for level in MerkleTiles.storedLevels.sorted() where head >> level > 0 {
      let count = head >> level
      let first = count / width * width
      guard count > first else { continue }
      runs[level] = (first, try await storedNodes(level: level, from: first, count: count - first))
    }
    tileBuffer = PostgresTileBuffer(runs: runs)
  }
}
