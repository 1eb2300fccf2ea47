public import LedgerCore
import NIOCore
import PostgresNIO

extension PostgresEventLog {
  /// Recomputes the chain and the tree over every stored row, in position order, and
  /// compares what the rows give with the stored tree nodes and organization index, as the
  /// SQLite log does (``LogVerifier``); checkpoints are checked against the recomputed tree.
  public func verify(
    against checkpoints: [Checkpoint], progress: (_ checked: Int64) -> Void
  ) async throws -> ChainVerification {
    let stored = try await allStoredNodes()
    var verifier = LogVerifier(storedLevels: MerkleTiles.storedLevels, rootsAt: Set(checkpoints.map(\.size)))
    var mismatch: ChainVerification.Mismatch?
    var next: Int64 = 1
    scan: while true {
      let rows = try await rows(
        """
        SELECT \(unescaped: PostgresSchema.eventColumns) FROM events WHERE position >= \(next)
        ORDER BY position LIMIT \(Self.page)
        """, doing: "reading events from \(next)")
      for row in rows {
        if verifier.count % 4_096 == 0 { progress(verifier.count) }
        do {
          let record = try record(from: row)
          next = record.position + 1
          mismatch = verifier.add(record) { level, index in stored[NodeKey(level: level, index: index)] }
        } catch let error as StoredDataError {
          mismatch = .init(position: error.position ?? next, reason: error.reason)
        }
        if mismatch != nil { break scan }
      }
      if rows.count < Self.page { break }
    }
    var result = ChainVerification(eventCount: verifier.count, headHash: verifier.chainHead, firstMismatch: mismatch)
    result.rootHash = verifier.root
    result.checked.append("hash chain and Merkle tree recomputed over \(verifier.count) events")
    guard mismatch == nil else { return result }

    if let treeMismatch = verifier.storedTreeMismatch(storedNodes: Int64(stored.count)) {
      result.firstMismatch = treeMismatch
      return result
    }
    result.checked.append("stored Merkle tree: \(stored.count) nodes compared")
    if let problem = try await organizationIndexProblem() {
      result.firstMismatch = .init(position: problem.position, reason: problem.reason)
      return result
    }
    result.checked.append("org_streams: rebuilt from the events and compared")
    result.checkpointFailures = verifier.failures(of: checkpoints)
    return result
  }

  private struct NodeKey: Hashable {
    let level: Int
    let index: Int64
  }

  /// Every stored tree node (one per 256 events, and fewer above: small beside the log).
  private func allStoredNodes() async throws -> [NodeKey: MerkleTree.Hash] {
    var nodes: [NodeKey: MerkleTree.Hash] = [:]
    for row in try await rows("SELECT level, idx, hash FROM merkle_tiles", doing: "reading the Merkle tree") {
      let (level, index, hash) = try row.decode((Int32, Int64, ByteBuffer).self)
      nodes[NodeKey(level: Int(level), index: index)] = Array(hash.readableBytesView)
    }
    return nodes
  }

  /// The first organization-index row the events do not give, or the first link they give
  /// that is missing, derived again from the payloads in SQL.
  private func organizationIndexProblem() async throws -> (position: Int64, reason: String)? {
    let derived = """
      SELECT DISTINCT convert_from(payload, 'UTF8')::jsonb ->> 'org' AS org, stream FROM events
      WHERE convert_from(payload, 'UTF8')::jsonb ->> 'org' IS NOT NULL
      """
    if let row = try await rows(
      "SELECT org, stream FROM (\(unescaped: derived) EXCEPT SELECT org, stream FROM org_streams) AS m LIMIT 1",
      doing: "checking the organization index"
    ).first {
      let (org, stream) = try row.decode((String, String).self)
      let position =
        try await value("SELECT min(position) FROM events WHERE stream = \(stream)", as: Int64.self, doing: "") ?? 0
      return (position, "the organization index lacks the link of \(org) to this event's stream")
    }
    if let row = try await rows(
      "SELECT org, stream FROM (SELECT org, stream FROM org_streams EXCEPT \(unescaped: derived)) AS m LIMIT 1",
      doing: "checking the organization index"
    ).first {
      let (org, stream) = try row.decode((String, String).self)
      return (0, "the organization index links \(org) to stream \(stream), which no event gives")
    }
    return nil
  }
}
