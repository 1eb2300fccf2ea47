/// Places accepted events in the log: gap-free positions after the head, strictly rising
/// recorded instants, generated ids, chain hashes and Merkle leaves.
///
/// Sealing reads nothing from storage: it runs only once the whole batch was judged, so a
/// rejected batch costs no hashing.
package struct AppendSealer {
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
    record.hash = HashChain.link(previous: head.hash, canonical: canonical)
    head = LogHead(position: position, hash: record.hash, recorded: recorded)
    return AppendPlan.Row(
      index: accepted.index, record: record, leafHash: MerkleTree.leafHash(canonical),
      organization: proposed.event.organization)
  }

  /// Seals `accepted` in order, handing each row to `write` as it is sealed.
  /// - Returns: what was written, for the receipt.
  /// - Throws: what `write` throws.
  package mutating func seal(
    _ accepted: [AppendPlan.Accepted], write: (AppendPlan.Row) throws -> Void
  ) throws -> [AppendReceipt.Appended] {
    var appended: [AppendReceipt.Appended] = []
    appended.reserveCapacity(accepted.count)
    for event in accepted {
      let row = seal(event)
      try write(row)
      let record = row.record
      appended.append(
        .init(
          index: row.index, position: record.position, id: record.id, stream: record.stream,
          streamVersion: record.streamVersion))
    }
    return appended
  }
}
