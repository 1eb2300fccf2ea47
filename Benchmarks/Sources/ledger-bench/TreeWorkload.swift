import Foundation
import LedgerCore
import LedgerStorage

/// The verifiable log's costs on an existing ledger: the root at the head (what a checkpoint
/// signs), inclusion proofs of random events and consistency proofs from random older sizes,
/// each with its size in hashes and bytes; with `--verify`, a full verify against a
/// checkpoint of the head.
enum TreeWorkload {
  static func measure(path: String, samples: Int, seed: UInt64) throws {
    let log = try SQLiteEventLog(readingAt: path)
    let head = try log.headPosition()
    var random = seed
    func next(_ bound: Int64) -> Int64 {
      random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int64((random >> 33) % UInt64(bound)) + 1
    }
    var started = now()
    let root = try log.treeRoot(size: head)
    let rootSeconds = now() - started
    var inclusion: [Double] = []
    var inclusionHashes = 0
    for _ in 0..<samples {
      let position = next(head)
      started = now()
      let (leaf, path) = try log.inclusionProof(position: position, size: head)
      inclusion.append((now() - started) * 1e6)
      precondition(
        MerkleTree.verifyInclusion(
          leaf: MerkleTree.leafHash(leaf), index: position - 1, size: head, proof: path, root: root))
      inclusionHashes = max(inclusionHashes, path.count)
    }
    var consistency: [Double] = []
    var consistencyHashes = 0
    for _ in 0..<samples {
      let old = next(head - 1)
      started = now()
      let proof = try log.consistencyProof(oldSize: old, newSize: head)
      consistency.append((now() - started) * 1e6)
      consistencyHashes = max(consistencyHashes, proof.count)
    }
    var figures = Figures()
    if CommandLine.arguments.contains("--verify") {
      started = now()
      let verified = try log.verify(against: [Checkpoint(origin: "bench", size: head, rootHash: root, note: "")])
      precondition(verified.isIntact)
      figures.add("verify_s", seconds: now() - started)
    }
    figures.add("op", "tree")
    figures.add("events", head)
    figures.add("root_ms", String(format: "%.2f", rootSeconds * 1e3))
    figures.add("inclusion_median_us", String(format: "%.0f", percentile(inclusion.sorted(), 0.5)))
    figures.add("inclusion_p99_us", String(format: "%.0f", percentile(inclusion.sorted(), 0.99)))
    figures.add("inclusion_max_hashes", inclusionHashes)
    figures.add("inclusion_max_bytes", inclusionHashes * 32)
    figures.add("consistency_median_us", String(format: "%.0f", percentile(consistency.sorted(), 0.5)))
    figures.add("consistency_p99_us", String(format: "%.0f", percentile(consistency.sorted(), 0.99)))
    figures.add("consistency_max_hashes", consistencyHashes)
    figures.add("consistency_max_bytes", consistencyHashes * 32)
    figures.print()
  }
}
