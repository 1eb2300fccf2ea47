/// A log that takes records sealed by another ledger as they are, with their positions, ids,
/// recorded instants and hashes: what `ledger copy` writes into, so a copy verifies against
/// the original's checkpoints and answers every question the same.
public protocol VerbatimAppending: EventLog {
  /// Appends `records` unchanged, in one unit of work: the first must follow the head and
  /// each must link to the one before it (position, recorded instant and chain hash).
  /// - Throws: ``StoredDataError`` naming the first record that does not follow; nothing is
  ///   written then.
  func appendVerbatim(_ records: [EventRecord]) async throws
}

extension AppendPlan.Row {
  /// The row of a record sealed elsewhere, checked to follow `head`, which moves past it.
  /// - Throws: ``StoredDataError`` when the record does not follow the head.
  package init(copying record: EventRecord, after head: inout LogHead) throws(StoredDataError) {
    guard record.position == head.position + 1 else {
      throw StoredDataError(
        position: record.position, reason: "the copy does not follow position \(head.position) of the target")
    }
    guard record.recorded.microseconds > head.recorded else {
      throw StoredDataError(position: record.position, reason: "recorded instant does not increase")
    }
    let canonical = record.canonicalBytes
    guard PackedHash(HashChain.link(previous: head.hash, canonical: canonical)) == record.packedHash else {
      throw StoredDataError(
        position: record.position, reason: "hash does not match the event's content and the previous hash")
    }
    self.init(
      index: Int(record.position - 1), record: record, leafHash: MerkleTree.leafHash(canonical),
      organization: try record.decodedFromStorage().event.organization)
    head = LogHead(position: record.position, hash: record.hash, recorded: record.recorded.microseconds)
  }
}
