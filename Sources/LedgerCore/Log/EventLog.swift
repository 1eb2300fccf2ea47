/// The append-only, hash-chained event log, behind which any backend (SQLite today,
/// PostgreSQL later) keeps the events. Projections and queries see only this protocol.
///
/// Every requirement is async, so a network backend needs no blocking bridge; a backend
/// with a synchronous core (SQLite) satisfies the plain ones with synchronous methods.
/// The log's rules are not the backend's: appends go through ``AppendPlan`` and
/// ``AppendSealer``, verification through ``LogVerifier``, and `EventLogContractTests`
/// states every promise.
public protocol EventLog: AnyObject {
  /// Appends the events in one transaction: all or nothing.
  ///
  /// Positions are gap-free and assigned inside the transaction; an event whose id is
  /// already present with the same content is a no-op; with other content it is refused.
  /// - Throws: ``AppendRejection`` naming every refused event; nothing is written then.
  func append(_ events: [ProposedEvent]) async throws -> AppendReceipt

  /// Runs `body` as one unit of work: the appends inside it land together when it returns,
  /// or none of them does when it throws; reads inside it see its own earlier appends.
  func inOneTransaction<T>(_ body: () async throws -> T) async throws -> T

  /// The position of the event with id `id`, if it is recorded.
  func position(ofEventID id: String) async throws -> Int64?

  /// The version of `stream` (how many events it holds, voided ones included), 0 when empty:
  /// what a caller passes as `expectedVersion` to append after what it read.
  func version(of stream: StreamName) async throws -> Int

  /// The position of the last event, 0 for an empty log.
  func headPosition() async throws -> Int64

  /// The last position recorded at or before `instant` (0 when none).
  func position(recordedAtOrBefore instant: RecordedInstant) async throws -> Int64

  /// Streams every record from `position` on, in position order, with the position of the
  /// correction voiding it; memory stays constant however long the log.
  func forEachEntry(from position: Int64, _ body: (LogEntry) async throws -> Void) async throws

  /// Streams the decoded events visible at `knownAt` (positions ≤ knownAt, minus those voided
  /// by corrections at positions ≤ knownAt), from `position` on, in position order.
  ///
  /// `body` does not suspend: a replay of millions of events then pays no suspension point
  /// (and no spilled frame) per event.
  func forEachEvent(
    from position: Int64, knownAt: Int64, _ body: (RecordedEvent) throws -> Void
  ) async throws

  /// The decoded events of one stream visible at `knownAt`, in version order.
  func events(in stream: StreamName, knownAt: Int64) async throws -> [RecordedEvent]

  /// The visible events of the organization's stream and of every stream whose events name
  /// the organization (its individuals' associations and departures bring in their whole
  /// streams), in position order; nothing else is read.
  func events(concerning org: String, knownAt: Int64) async throws -> [RecordedEvent]

  /// The root of the Merkle tree over the first `size` events (see ``MerkleTree``): what an
  /// answer computed at position `size` rests on, and what a checkpoint of that size signs.
  func treeRoot(size: Int64) async throws -> MerkleTree.Hash

  /// Every organization any stored event names, sorted.
  func organizations() async throws -> [String]

  /// Recomputes the hash chain and the Merkle tree from the first event, compares every
  /// stored tree node and derived table with them, names the first position that does not
  /// match, and checks that the log extends each of `checkpoints` (the tree over its first
  /// `size` events has the checkpoint's root). `progress` hears how many events are checked,
  /// now and then, so a long verification can show it.
  func verify(
    against checkpoints: [Checkpoint], progress: (_ checked: Int64) -> Void
  ) async throws
    -> ChainVerification
}

extension EventLog {
  /// ``verify(against:progress:)`` without progress.
  public func verify(against checkpoints: [Checkpoint]) async throws -> ChainVerification {
    try await verify(against: checkpoints) { _ in }
  }

  /// ``verify(against:progress:)`` with no checkpoint, without progress.
  public func verify() async throws -> ChainVerification { try await verify(against: []) }
}
