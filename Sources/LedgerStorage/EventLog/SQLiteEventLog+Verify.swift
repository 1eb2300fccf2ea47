public import LedgerCore

extension SQLiteEventLog {
  /// Recomputes the chain and the tree over every stored row, in position order, without
  /// decoding payloads, and compares what the rows give with what is stored beside them.
  ///
  /// It finds: a changed column (the recomputed hash differs), a changed hash, a missing or
  /// reordered row (positions not 1, 2, 3, … or a hash that no longer follows), recorded
  /// instants that do not increase, a stored tree node that the events do not give (or one
  /// missing or added), organization index rows the events do not give (or missing ones),
  /// and — given checkpoints published earlier — any removal, truncation, rewrite or forgery
  /// before a checkpoint's size, even one whose chain was recomputed to match.
  public func verify(
    against checkpoints: [Checkpoint], progress: (_ checked: Int64) -> Void = { _ in }
  ) throws
    -> ChainVerification
  {
    var verifier = LogVerifier(
      storedLevels: hasMerkleTiles ? MerkleTiles.storedLevels : [], rootsAt: Set(checkpoints.map(\.size)))
    var mismatch: ChainVerification.Mismatch?
    let statement = try connection.statement("SELECT \(layout.selectedColumns) FROM events ORDER BY position")
    defer { statement.reset() }
    while mismatch == nil, try statement.step() {
      if verifier.count % 4_096 == 0 { progress(verifier.count) }
      do {
        mismatch = try verifier.add(try record(from: statement)) { try storedNode(level: $0, index: $1) }
      } catch let error as StoredDataError {
        mismatch = .init(position: statement.int64(0), reason: error.reason)
      }
    }
    var result = ChainVerification(eventCount: verifier.count, headHash: verifier.chainHead, firstMismatch: mismatch)
    result.rootHash = verifier.root
    result.checked.append("hash chain and Merkle tree recomputed over \(verifier.count) events")
    guard mismatch == nil else { return result }

    if hasMerkleTiles {
      let stored = try connection.integer("SELECT count(*) FROM merkle_tiles") ?? 0
      if let treeMismatch = verifier.storedTreeMismatch(storedNodes: stored) {
        result.firstMismatch = treeMismatch
        return result
      }
      result.checked.append("stored Merkle tree: \(stored) nodes compared")
    }
    if let problem = try organizationIndexProblem() {
      result.firstMismatch = .init(position: problem.position, reason: problem.reason)
      return result
    }
    result.checked.append("org_streams: rebuilt from the events and compared")
    result.checkpointFailures = verifier.failures(of: checkpoints)
    return result
  }

  /// The first organization-index row the events do not give, or the first link they give
  /// that is missing. The payloads are covered by the chain, so the index is derived again
  /// from them, in SQL.
  private func organizationIndexProblem() throws -> (position: Int64, reason: String)? {
    let derived = """
      SELECT DISTINCT json_extract(CAST(payload AS TEXT), '$.org') AS org, stream_no FROM events
      WHERE json_extract(CAST(payload AS TEXT), '$.org') IS NOT NULL
      """
    let missing = try connection.statement(
      "SELECT org, stream_no FROM (\(derived) EXCEPT SELECT org, stream_no FROM org_streams) LIMIT 1")
    defer { missing.reset() }
    if try missing.step() {
      let position =
        try connection.integerBinding("SELECT min(position) FROM events WHERE stream_no = ?", missing.int64(1)) ?? 0
      return (position, "the organization index lacks the link of \(missing.text(0) ?? "?") to this event's stream")
    }
    let extra = try connection.statement(
      "SELECT org, stream_no FROM (SELECT org, stream_no FROM org_streams EXCEPT \(derived)) LIMIT 1")
    defer { extra.reset() }
    if try extra.step() {
      return (
        0, "the organization index links \(extra.text(0) ?? "?") to stream \(extra.int64(1)), which no event gives"
      )
    }
    return nil
  }
}
