/// The log's rules for one append, apart from any storage: every backend runs its batch
/// through a plan and writes the rows it gives, so they all judge and link events alike.
///
/// Each event is checked against the stored log (through ``AppendLookups``) and the earlier
/// events of the batch: a known id with the same content is a no-op, with other content a
/// problem; `corrects` must name an earlier event; an expected stream version must match;
/// envelope text must be stored as it is hashed. Rows get gap-free positions after the head,
/// strictly rising recorded instants, their chain hash and their Merkle leaf. After the
/// first problem no more rows are given, but every event is still checked, so the rejection
/// names all problems at once.
package struct AppendPlan {
  /// One event to write.
  package struct Row {
    /// The record, hashed.
    package let record: EventRecord
    /// Its Merkle tree leaf hash.
    package let leafHash: MerkleTree.Hash
    /// The organization the event names, which the backend indexes its stream under.
    package let organization: String?
  }

  /// The log's head after the rows given so far.
  package private(set) var head: LogHead
  /// The problems found so far, in batch order.
  package private(set) var problems: [AppendRejection.Problem] = []
  private let clock: LedgerClock
  private var appended: [AppendReceipt.Appended] = []
  private var alreadyPresent: [Int] = []
  /// Ids of this batch, with the content each was first given.
  private var batchIDs: [String: EventContent] = [:]
  /// Versions of the streams this batch touched, as its later events meet them.
  private var versions: [StreamName: Int] = [:]

  /// A plan continuing `head`, recording instants read from `clock`.
  package init(head: LogHead, clock: LedgerClock) {
    self.head = head
    self.clock = clock
  }

  /// Checks the event at `index` of the batch.
  /// - Returns: the row to write, or `nil` when the event is a no-op or a problem was found
  ///   (in this event or an earlier one).
  /// - Throws: what `lookups` throws.
  package mutating func add(_ proposed: ProposedEvent, index: Int, lookups: some AppendLookups) throws -> Row? {
    if let field = proposed.unstorableField {
      problems.append(.init(index: index, reason: "\(field) is not in canonical form (NFC, no NUL characters)"))
      return nil
    }
    let content = EventContent(proposed)
    if let id = proposed.id {
      if let earlier = batchIDs[id] {
        if earlier == content {
          alreadyPresent.append(index)
        } else {
          problems.append(
            .init(index: index, reason: "event id \"\(id)\" appears twice in the input with different content"))
        }
        return nil
      }
      if let stored = try lookups.storedEvent(id: id) {
        if stored.content == content {
          alreadyPresent.append(index)
        } else {
          problems.append(
            .init(
              index: index,
              reason: "event id \"\(id)\" is already recorded at position \(stored.position) with different content"))
        }
        batchIDs[id] = content
        return nil
      }
    }
    if let target = proposed.corrects, batchIDs[target] == nil, try lookups.storedEvent(id: target) == nil {
      problems.append(.init(index: index, reason: "field \"corrects\" names an unknown event id \"\(target)\""))
      return nil
    }
    let stream = proposed.event.stream
    let version = try versions[stream] ?? lookups.storedVersion(of: stream)
    if let expected = proposed.expectedVersion, expected != version {
      problems.append(
        .init(
          index: index, reason: "stream \(stream) is at version \(version), not the expected \(expected)",
          isConflict: true))
      return nil
    }
    if let id = proposed.id { batchIDs[id] = content }
    // The stream moves on even when nothing will be written, so later events of the batch
    // are judged against the version they would meet.
    versions[stream] = version + 1
    guard problems.isEmpty else { return nil }
    let recorded = max(clock.now().microseconds, head.recorded + 1)
    let position = head.position + 1
    var record = EventRecord(
      position: position, id: proposed.id ?? EventID.generate(microseconds: recorded), stream: stream,
      streamVersion: version + 1, typeName: content.typeName, schemaVersion: LedgerEvent.currentSchemaVersion,
      effective: proposed.effective, recorded: RecordedInstant(microseconds: recorded), actor: proposed.actor,
      corrects: proposed.corrects, reason: proposed.reason, payload: content.payload, hash: [],
      writer: proposed.writer, unchecked: proposed.unchecked)
    let canonical = record.canonicalBytes
    record.hash = HashChain.link(previous: head.hash, canonical: canonical)
    head = LogHead(position: position, hash: record.hash, recorded: recorded)
    appended.append(
      .init(index: index, position: position, id: record.id, stream: stream, streamVersion: record.streamVersion))
    return Row(record: record, leafHash: MerkleTree.leafHash(canonical), organization: proposed.event.organization)
  }

  /// What the append did, once every event was added.
  /// - Throws: ``AppendRejection`` naming every problem; the backend then writes nothing.
  package func receipt() throws -> AppendReceipt {
    guard problems.isEmpty else { throw AppendRejection(problems: problems) }
    return AppendReceipt(appended: appended, alreadyPresent: alreadyPresent)
  }
}
