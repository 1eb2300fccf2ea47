import LedgerCore
import LedgerStorage
import LedgerTestSupport
import Testing

/// The stored tree (a node per 256 and per 65,536 leaves) gives the same roots and proofs as
/// the tree over the events computed in memory, in any batch sizes, for any older ledger.
struct MerkleStorageTests {
  /// The tree over the log's canonical records, all in memory.
  static func expected(_ log: SQLiteEventLog) async throws -> InMemoryMerkleNodes {
    var leaves: [MerkleTree.Hash] = []
    try await log.forEachEntry(from: 1) { leaves.append(MerkleTree.leafHash($0.record.canonicalBytes)) }
    return InMemoryMerkleNodes(leaves: leaves)
  }

  @Test func storedTilesGiveTheRootsAndProofsOfTheWholeTree() async throws {
    let ledger = TemporaryLedger()
    let log = try ledger.open()
    // Uneven batches cross tile borders mid-batch; 66,000 events complete one 65,536 tile.
    var appended = 0
    for size in [1, 255, 1, 300, 1_000, 64_443] {
      _ = try log.append(Samples.enrolments(size, from: appended))
      appended += size
    }
    let memory = try await Self.expected(log)
    for size in [Int64(1), 255, 256, 257, 511, 512, 1_557, 65_535, 65_536, 65_537, 66_000] {
      #expect(try log.treeRoot(size: size) == MerkleTree.root(size: size, nodes: memory), "root at \(size)")
    }
    let root = try log.treeRoot(size: 66_000)
    for position in [Int64(1), 256, 257, 40_000, 65_536, 66_000] {
      let (leaf, path) = try log.inclusionProof(position: position, size: 66_000)
      #expect(
        MerkleTree.verifyInclusion(
          leaf: MerkleTree.leafHash(leaf), index: position - 1, size: 66_000, proof: path, root: root))
    }
    for old in [Int64(1), 256, 65_536, 65_999] {
      let proof = try log.consistencyProof(oldSize: old, newSize: 66_000)
      #expect(
        MerkleTree.verifyConsistency(
          oldSize: old, newSize: 66_000, proof: proof, oldRoot: try log.treeRoot(size: old), newRoot: root))
    }
    let verified = try await log.verify()
    #expect(verified.isIntact && verified.rootHash == root)
    #expect(verified.checked.contains("stored Merkle tree: 258 nodes compared"))
  }

  @Test func aLedgerWrittenBeforeTheTreeGetsItsTilesOnTheNextAppendAndReadsWithoutThem() async throws {
    let current = TemporaryLedger()
    _ = try current.open().append(Samples.enrolments(600))
    let ledger = TemporaryLedger()
    try await LegacyLedger.write(from: current.path, to: ledger.path, version: 4)
    let raw = try SQLiteConnection(path: ledger.path, mode: .existing)
    let archived = try SQLiteEventLog(readingAt: ledger.path)
    let expected = try await MerkleTree.root(size: 600, nodes: Self.expected(archived))
    #expect(try archived.treeRoot(size: 600) == expected, "computed from the events when nothing is stored")

    let log = try ledger.open()
    _ = try log.append(Samples.enrolments(1, from: 600))
    #expect(try raw.integer("SELECT count(*) FROM merkle_tiles") == 2, "the two complete tiles were backfilled")
    #expect(try log.treeRoot(size: 600) == expected)
    #expect(try await log.verify().isIntact)
  }
}
