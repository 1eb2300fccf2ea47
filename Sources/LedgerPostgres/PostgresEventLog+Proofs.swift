public import LedgerCore
import NIOCore
import PostgresNIO

extension PostgresEventLog {
  public func inclusionProof(position: Int64, size: Int64) async throws -> (leaf: [UInt8], path: [MerkleTree.Hash]) {
    let nodes = try await fetchedNodes { try MerkleTree.inclusionProof(index: position - 1, size: size, nodes: $0) }
    guard
      let record = try await rows(
        "SELECT \(unescaped: PostgresSchema.eventColumns) FROM events WHERE position = \(position)",
        doing: "reading event \(position)"
      ).first
    else {
      throw StoredDataError(position: position, reason: "no event at this position")
    }
    return (
      try self.record(from: record).canonicalBytes,
      try MerkleTree.inclusionProof(index: position - 1, size: size, nodes: nodes)
    )
  }

  public func consistencyProof(oldSize: Int64, newSize: Int64) async throws -> [MerkleTree.Hash] {
    let nodes = try await fetchedNodes {
      try MerkleTree.consistencyProof(oldSize: oldSize, newSize: newSize, nodes: $0)
    }
    return try MerkleTree.consistencyProof(oldSize: oldSize, newSize: newSize, nodes: nodes)
  }

  public func recordCheckpoint(
    _ sign: (_ size: Int64, _ root: MerkleTree.Hash) throws -> Checkpoint
  ) async throws -> Checkpoint {
    try await inOneTransaction {
      let size = try await headPosition()
      let checkpoint = try sign(size, try await treeRoot(size: size))
      try await rows(
        """
        INSERT INTO checkpoints (size, root, note, recorded)
        VALUES (\(checkpoint.size), \(ByteBuffer(bytes: checkpoint.rootHash)), \(checkpoint.note),
          \(clock.now().microseconds))
        """, doing: "recording the checkpoint")
      return checkpoint
    }
  }

  public func recordedCheckpoints() async throws -> [Checkpoint] {
    try await rows("SELECT note FROM checkpoints ORDER BY recorded, size", doing: "reading the checkpoints")
      .compactMap { try? Checkpoint(parsing: try $0.decode(String.self)) }
  }

  /// The tree nodes `walk` asks for, fetched: a proof's walk depends only on the sizes, so it
  /// runs once to learn which subtrees it needs (each read with ``subtree(level:index:)``,
  /// from the stored tiles and at most 255 events), then again over what was read.
  private func fetchedNodes(_ walk: (WantedNodes) throws -> Void) async throws -> KnownNodes {
    let wanted = WantedNodes()
    try walk(wanted)
    var known = KnownNodes()
    for node in wanted.nodes where known.hashes[node] == nil {
      known.hashes[node] = try await subtree(level: node.level, index: node.index)
    }
    return known
  }
}

/// One complete subtree: its level and its index among that level's subtrees.
private struct TreeNode: Hashable {
  let level: Int
  let index: Int64
}

/// Records which subtrees a proof asks for, answering with a placeholder.
private final class WantedNodes: MerkleNodes {
  var nodes: [TreeNode] = []

  func hash(level: Int, index: Int64) -> MerkleTree.Hash {
    nodes.append(TreeNode(level: level, index: index))
    return MerkleTree.emptyRoot
  }
}

/// The subtrees a proof asks for, read beforehand.
private struct KnownNodes: MerkleNodes {
  var hashes: [TreeNode: MerkleTree.Hash] = [:]

  func hash(level: Int, index: Int64) throws -> MerkleTree.Hash {
    guard let hash = hashes[TreeNode(level: level, index: index)] else {
      throw StoredDataError(position: nil, reason: "the proof needs a tree node it did not read first")
    }
    return hash
  }
}
