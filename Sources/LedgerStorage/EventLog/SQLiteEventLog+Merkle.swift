public import LedgerCore

extension SQLiteEventLog {
  /// The root of the Merkle tree over the first `size` events.
  /// - Throws: ``SQLiteError``, ``StoredDataError``.
  public func treeRoot(size: Int64) throws -> MerkleTree.Hash {
    try MerkleTree.root(size: size, nodes: StoredMerkleNodes(log: self))
  }

  /// The inclusion proof of the event at `position` in the tree of `size` events, with the
  /// event's leaf (its canonical record).
  public func inclusionProof(position: Int64, size: Int64) throws -> (leaf: [UInt8], path: [MerkleTree.Hash]) {
    let nodes = StoredMerkleNodes(log: self)
    return (
      try canonicalRecord(at: position), try MerkleTree.inclusionProof(index: position - 1, size: size, nodes: nodes)
    )
  }

  /// The consistency proof from the tree of `oldSize` events to the tree of `newSize`.
  public func consistencyProof(oldSize: Int64, newSize: Int64) throws -> [MerkleTree.Hash] {
    try MerkleTree.consistencyProof(oldSize: oldSize, newSize: newSize, nodes: StoredMerkleNodes(log: self))
  }

  /// The canonical record of the event at `position`: its Merkle leaf.
  public func canonicalRecord(at position: Int64) throws -> [UInt8] {
    guard let leaf = try leafRecords(from: position, to: position).first else {
      throw StoredDataError(position: position, reason: "no event at this position")
    }
    return leaf
  }

  /// The canonical records of positions `first…last`, in order.
  func leafRecords(from first: Int64, to last: Int64) throws -> [[UInt8]] {
    let statement = try connection.statement(
      "SELECT \(layout.selectedColumns) FROM events WHERE position >= ? AND position <= ? ORDER BY position")
    defer { statement.reset() }
    statement.bind(1, first)
    statement.bind(2, last)
    var leaves: [[UInt8]] = []
    while try statement.step() { leaves.append(try record(from: statement).canonicalBytes) }
    return leaves
  }

  /// A stored tree node, when the ledger keeps that level and has written it.
  func storedNode(level: Int, index: Int64) throws -> MerkleTree.Hash? {
    guard hasMerkleTiles else { return nil }
    let statement = try connection.statement("SELECT hash FROM merkle_tiles WHERE level = ? AND idx = ?")
    defer { statement.reset() }
    statement.bind(1, Int64(level))
    statement.bind(2, index)
    return try statement.step() ? statement.blob(0) : nil
  }

  /// The stored nodes `first…first + count − 1` of `level`, in order (fewer when some are
  /// not stored), read in one query.
  func storedNodes(level: Int, from first: Int64, count: Int64) throws -> [MerkleTree.Hash] {
    guard hasMerkleTiles else { return [] }
    let statement = try connection.statement(
      "SELECT hash FROM merkle_tiles WHERE level = ? AND idx >= ? AND idx < ? ORDER BY idx")
    defer { statement.reset() }
    statement.bind(1, Int64(level))
    statement.bind(2, first)
    statement.bind(3, first + count)
    var hashes: [MerkleTree.Hash] = []
    while try statement.step() { hashes.append(statement.blob(0)) }
    return hashes
  }

  /// Loads the leaves of the tile the head is in, and stores any complete tile an older
  /// ledger (written before the tree existed) lacks, so appends can extend the tree.
  func prepareTree(head: Int64) throws {
    let width = Int64(1) << MerkleTiles.height
    let complete = head / width
    let stored =
      try connection.integer("SELECT max(idx) + 1 FROM merkle_tiles WHERE level = \(MerkleTiles.height)") ?? 0
    if stored < complete {
      let nodes = StoredMerkleNodes(log: self)
      var level = MerkleTiles.height
      var count = complete
      while count > 0 {
        for index in 0..<count where try storedNode(level: level, index: index) == nil {
          try SQLiteTileStore(log: self).storeNode(
            level: level, index: index, hash: try nodes.hash(level: level, index: index))
        }
        level += MerkleTiles.height
        count /= width
      }
    }
    tiles = MerkleTiles(leaves: try leafRecords(from: complete * width + 1, to: head).map(MerkleTree.leafHash))
  }

}

/// The `merkle_tiles` table, where appends store the tiles ``MerkleTiles`` completes.
struct SQLiteTileStore: MerkleTileStore {
  let log: SQLiteEventLog

  func storeNode(level: Int, index: Int64, hash: MerkleTree.Hash) throws {
    let insert = try log.connection.statement("INSERT INTO merkle_tiles (level, idx, hash) VALUES (?, ?, ?)")
    insert.bind(1, Int64(level))
    insert.bind(2, index)
    insert.bind(3, blob: hash)
    try insert.run()
  }

  func storedNodes(level: Int, from first: Int64, count: Int64) throws -> [MerkleTree.Hash] {
    try log.storedNodes(level: level, from: first, count: count)
  }
}

/// The tree's nodes from the database: every eighth level as stored, the levels between
/// computed from the stored level below, and the leaves from the events' canonical records.
/// A level the ledger has not stored (an older ledger read-only) is computed all the same.
struct StoredMerkleNodes: MerkleNodes {
  let log: SQLiteEventLog
  /// Leaf hashes of the tiles read so far, by tile index.
  private let leaves = LeafCache()

  init(log: SQLiteEventLog) {
    self.log = log
  }

  func hash(level: Int, index: Int64) throws -> MerkleTree.Hash {
    let height = MerkleTiles.height
    if level >= height, level % height == 0, let stored = try log.storedNode(level: level, index: index) {
      return stored
    }
    let base = level >= height ? (level % height == 0 ? level - height : level - level % height) : 0
    let span = Int64(1) << (level - base)
    var hashes: [MerkleTree.Hash] = []
    hashes.reserveCapacity(Int(span))
    if base == 0 {
      let first = index * span
      let tile = first >> height
      let tileLeaves = try leaves.tile(tile, log: log)
      let offset = Int(first - (tile << height))
      guard offset + Int(span) <= tileLeaves.count else {
        throw StoredDataError(
          position: first + Int64(tileLeaves.count) + 1, reason: "the log ends inside a complete subtree")
      }
      hashes = Array(tileLeaves[offset..<offset + Int(span)])
    } else {
      hashes = try log.storedNodes(level: base, from: index * span, count: span)
      if hashes.count != Int(span) {
        // Not all stored (an older ledger read-only): compute them.
        hashes = try (0..<span).map { try hash(level: base, index: index * span + $0) }
      }
    }
    return MerkleTiles.subtree(of: hashes)
  }
}

/// Leaf hashes by tile, shared by the copies of one ``StoredMerkleNodes``.
private final class LeafCache {
  private var tiles: [Int64: [MerkleTree.Hash]] = [:]

  func tile(_ tile: Int64, log: SQLiteEventLog) throws -> [MerkleTree.Hash] {
    if let cached = tiles[tile] { return cached }
    let height = MerkleTiles.height
    let first = (tile << height) + 1
    let hashes = try log.leafRecords(from: first, to: first + (1 << height) - 1).map(MerkleTree.leafHash)
    if tiles.count > 64 { tiles.removeAll() }
    tiles[tile] = hashes
    return hashes
  }
}

extension SQLiteEventLog {
  /// Computes the tree at the head and records the checkpoint `sign` makes of it, in one
  /// transaction (so the size and root are the head's as signed).
  public func recordCheckpoint(
    _ sign: (_ size: Int64, _ root: MerkleTree.Hash) throws -> Checkpoint
  ) throws
    -> Checkpoint
  {
    try connection.immediateTransaction {
      let size = try headPosition()
      let checkpoint = try sign(size, try treeRoot(size: size))
      let insert = try connection.statement(
        "INSERT INTO checkpoints (size, root, note, recorded) VALUES (?, ?, ?, ?)")
      insert.bind(1, checkpoint.size)
      insert.bind(2, blob: checkpoint.rootHash)
      insert.bind(3, checkpoint.note)
      insert.bind(4, clock.now().microseconds)
      try insert.run()
      return checkpoint
    }
  }

  /// The checkpoints this ledger recorded, oldest first.
  public func recordedCheckpoints() throws -> [Checkpoint] {
    guard hasMerkleTiles else { return [] }
    let statement = try connection.statement("SELECT note FROM checkpoints ORDER BY rowid")
    defer { statement.reset() }
    var checkpoints: [Checkpoint] = []
    while try statement.step() {
      if let note = statement.text(0), let checkpoint = try? Checkpoint(parsing: note) {
        checkpoints.append(checkpoint)
      }
    }
    return checkpoints
  }
}
