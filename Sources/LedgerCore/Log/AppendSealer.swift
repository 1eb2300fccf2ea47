internal import Foundation

/// Places accepted events in the log: gap-free positions after the head, strictly rising
/// recorded instants, generated ids, chain hashes and Merkle leaves.
///
/// Sealing reads nothing from storage: it runs only once the whole batch was judged, so a
/// rejected batch costs no hashing.
package struct AppendSealer: Sendable {
  /// The log's head after the rows sealed so far.
  package private(set) var head: LogHead
  private let clock: LedgerClock
  private var ids = EventID()

  /// A sealer continuing `head`, recording instants read from `clock`.
  package init(head: LogHead, clock: LedgerClock) {
    self.head = head
    self.clock = clock
  }

  /// Seals one accepted event after the head.
  package mutating func seal(_ accepted: AppendPlan.Accepted) -> AppendPlan.Row {
    let proposed = accepted.proposed
    let content = accepted.content ?? EventContent(proposed)
    let recorded = max(clock.now().microseconds, head.recorded + 1)
    let position = head.position + 1
    var record = EventRecord(
      position: position, id: proposed.id ?? ids.generate(microseconds: recorded), stream: proposed.event.stream,
      streamVersion: accepted.streamVersion, typeName: content.typeName,
      schemaVersion: LedgerEvent.currentSchemaVersion, effective: proposed.effective,
      recorded: RecordedInstant(microseconds: recorded), actor: proposed.actor, corrects: proposed.corrects,
      reason: proposed.reason, payload: content.payload, hash: [], writer: proposed.writer,
      unchecked: proposed.unchecked)
    let canonical = record.canonicalBytes
    let hash = HashChain.link(previous: head.hash, canonical: canonical)
    record.hash = hash
    head = LogHead(position: position, hash: hash, recorded: recorded)
    return AppendPlan.Row(
      index: accepted.index, record: record, leafHash: MerkleTree.leafHash(canonical),
      organization: proposed.event.organization)
  }

  /// Seals `accepted` in order, handing each row to `write` as it is sealed.
  ///
  /// A batch of at least ``handoffMinimum`` events is sealed on a helper thread, a chunk
  /// ahead of `write`, which runs on the calling thread in order: sealing needs no storage,
  /// so the canonical bytes and hashes of the next rows are computed while the backend writes
  /// the last ones. What is written, and in which order, is the same either way.
  /// - Returns: what was written, for the receipt.
  /// - Throws: what `write` throws (sealing stops then).
  package mutating func seal(
    _ accepted: [AppendPlan.Accepted], write: (AppendPlan.Row) throws -> Void
  ) throws -> [AppendReceipt.Appended] {
    var appended: [AppendReceipt.Appended] = []
    appended.reserveCapacity(accepted.count)
    func written(_ row: AppendPlan.Row) throws {
      try write(row)
      let record = row.record
      appended.append(
        .init(
          index: row.index, position: record.position, id: record.id, stream: record.stream,
          streamVersion: record.streamVersion))
    }
    guard accepted.count >= Self.handoffMinimum else {
      for event in accepted { try written(seal(event)) }
      return appended
    }
    let handoff = SealedRowHandoff(capacity: Self.chunksAhead)
    let start = self
    Thread {
      var sealer = start
      var next = accepted.startIndex
      while next < accepted.endIndex {
        let end = min(next + Self.chunkSize, accepted.endIndex)
        guard handoff.put(accepted[next..<end].map { sealer.seal($0) }) else { break }
        next = end
      }
      handoff.finish()
    }.start()
    // The head follows the last row written (its hash made into bytes once, not per row).
    var last: EventRecord?
    defer {
      handoff.stopAndWait()
      if let last { head = LogHead(position: last.position, hash: last.hash, recorded: last.recorded.microseconds) }
    }
    while let rows = handoff.take() {
      for row in rows {
        try written(row)
        last = row.record
      }
    }
    return appended
  }

  /// The smallest batch sealed beside its writes: below it, starting a thread costs more
  /// than it saves.
  package static let handoffMinimum = 256
  /// How many rows the helper seals before handing them over.
  static let chunkSize = 64
  /// How many sealed chunks may wait for the writer.
  static let chunksAhead = 4
}
