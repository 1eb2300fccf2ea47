/// The log's rules for one append, apart from any storage: every backend runs its batch
/// through a plan and writes the rows its ``AppendSealer`` gives, so they all judge and link
/// events alike.
///
/// Each event is judged against the stored log (through ``AppendLookups``) and the earlier
/// events of the batch: a known id with the same content is a no-op, with other content a
/// problem; `corrects` must name an earlier event; an expected stream version must match;
/// envelope text must be stored as it is hashed. Every event is judged, so a rejection names
/// all problems at once; only a batch without problems is sealed and written.
package struct AppendPlan {
  /// An event the rules accept, waiting for its place in the log.
  package struct Accepted: Sendable {
    /// Its index in the batch.
    package let index: Int
    /// The event as given.
    package let proposed: ProposedEvent
    /// Its content, when judging its id already encoded it.
    package let content: EventContent?
    /// The version it takes in its stream.
    package let streamVersion: Int
  }

  /// One event to write.
  package struct Row: Sendable {
    /// Its index in the batch.
    package let index: Int
    /// The record, hashed.
    package let record: EventRecord
    /// Its Merkle tree leaf hash.
    package let leafHash: MerkleTree.Hash
    /// The organization the event names, which the backend indexes its stream under.
    package let organization: String?
  }

  /// The events accepted so far, in batch order.
  package private(set) var accepted: [Accepted] = []
  /// The problems found so far, in batch order.
  package private(set) var problems: [AppendRejection.Problem] = []
  private var alreadyPresent: [Int] = []
  /// Ids of this batch, with the content each was first given.
  private var batchIDs: [String: EventContent] = [:]
  /// Versions of the streams this batch touched, as its later events meet them.
  private var versions: [StreamName: Int] = [:]

  /// An empty plan.
  package init() {}

  /// Judges the event at `index` of the batch, keeping it in ``accepted`` unless it is a
  /// no-op or a problem.
  /// - Throws: what `lookups` throws.
  package mutating func judge(_ proposed: ProposedEvent, index: Int, lookups: some AppendLookups) throws {
    if let field = proposed.unstorableField {
      problems.append(.init(index: index, reason: "\(field) is not in canonical form (NFC, no NUL characters)"))
      return
    }
    var content: EventContent?
    if let id = proposed.id {
      let given = EventContent(proposed)
      content = given
      if let earlier = batchIDs[id] {
        if earlier == given {
          alreadyPresent.append(index)
        } else {
          problems.append(
            .init(index: index, reason: "event id \"\(id)\" appears twice in the input with different content"))
        }
        return
      }
      if let stored = try lookups.storedEvent(id: id) {
        if stored.content == given {
          alreadyPresent.append(index)
        } else {
          problems.append(
            .init(
              index: index,
              reason: "event id \"\(id)\" is already recorded at position \(stored.position) with different content"))
        }
        batchIDs[id] = given
        return
      }
    }
    if let target = proposed.corrects, batchIDs[target] == nil, try lookups.storedEvent(id: target) == nil {
      problems.append(.init(index: index, reason: "field \"corrects\" names an unknown event id \"\(target)\""))
      return
    }
    let stream = proposed.event.stream
    let version = try versions[stream] ?? lookups.storedVersion(of: stream)
    if let expected = proposed.expectedVersion, expected != version {
      problems.append(
        .init(
          index: index, reason: "stream \(stream) is at version \(version), not the expected \(expected)",
          isConflict: true))
      return
    }
    if let id = proposed.id, let content { batchIDs[id] = content }
    // The stream moves on even after a problem, so later events of the batch are judged
    // against the version they would meet.
    versions[stream] = version + 1
    guard problems.isEmpty else { return }
    accepted.append(Accepted(index: index, proposed: proposed, content: content, streamVersion: version + 1))
  }

  /// What the append did, once every event was judged and the accepted ones written.
  /// - Throws: ``AppendRejection`` naming every problem; the backend then writes nothing.
  package func receipt(appended: [AppendReceipt.Appended]) throws -> AppendReceipt {
    try refuseProblems()
    return AppendReceipt(appended: appended, alreadyPresent: alreadyPresent)
  }

  /// Throws ``AppendRejection`` when any event had a problem.
  package func refuseProblems() throws(AppendRejection) {
    guard problems.isEmpty else { throw AppendRejection(problems: problems) }
  }
}
