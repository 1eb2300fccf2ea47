/// Where a backend keeps the read models the projector folds from its log: per organization,
/// the alerts and the status timeline as known at a position, and the checkpoint they are
/// complete through. Read models are derived: a store may drop them and fold again, and
/// nothing in them is hashed.
///
/// Every write is one transaction: models and the checkpoint land together or not at all, so
/// a projector stopped at any moment resumes from what was saved.
public protocol ReadModelStore: AnyObject {
  /// Whether this store can keep read models (a database opened read-only cannot).
  var keepsReadModels: Bool { get }

  /// Runs `body` (a projector's catch-up) alone among the projectors of every process sharing
  /// these read models: another waits, then finds the work done, so nothing is folded twice.
  /// (A SQLite file runs it at once: its projectors are one process's, and a save keeps the
  /// later of two models.)
  func projectingAlone<T>(_ body: () async throws -> T) async throws -> T

  /// The position the read models are complete through and the rules they were folded with;
  /// `nil` before the first fold.
  func readModelCheckpoint() async throws -> ReadModelCheckpoint?

  /// Every organization an event at a position in `after + 1 ... through` concerns (as
  /// ``EventLog/events(concerning:knownAt:)`` reads them, and through the event a correction
  /// voids), with the last such position.
  func organizationsConcerned(after: Int64, through: Int64) async throws -> [String: Int64]

  /// The header of every organization's read model, by organization.
  func readModelHeaders() async throws -> [String: OrganizationReadModel.Header]

  /// Saves `models` (replacing each organization's earlier model; `removed` drops theirs)
  /// and, when given, moves the checkpoint, in one transaction. An alert that was already
  /// in the organization's model keeps its arrival number; a new one takes the next.
  func saveReadModels(
    _ models: [OrganizationReadModel], removing removed: [String], checkpoint: ReadModelCheckpoint?
  ) async throws

  /// Drops every read model and sets `checkpoint` (a fold from scratch starts from it).
  func resetReadModels(to checkpoint: ReadModelCheckpoint) async throws

  /// The alerts of the read models effective from `from` (when given) through `through`, of
  /// `org` or of every organization, when the models are folded through the log's head and
  /// `checkpoint` is theirs; `nil` otherwise (the head moved past them, a catch-up is under
  /// way, or the rules differ). The checkpoint, the head and the models are read from one
  /// snapshot, so a catch-up saving its batches meanwhile cannot mix positions.
  func projectedAlerts(
    org: String?, from: CivilDate?, through: CivilDate, at checkpoint: ReadModelCheckpoint
  ) async throws -> ProjectedAlerts?

  /// The encoded status timeline of `org`'s read model when the models are folded through the
  /// log's head and `checkpoint` is theirs (read from one snapshot, as ``projectedAlerts(org:from:through:at:)``
  /// reads); `nil` otherwise.
  func projectedStatuses(of org: String, at checkpoint: ReadModelCheckpoint) async throws -> ProjectedStatuses?

  /// The alerts due through `day` that a sink at `cursor` has not yet been offered: those
  /// that arrived after the cursor's arrival or fell due after its day, in delivery order,
  /// with the cursor a pass that delivered them all moves to.
  func alertsDue(
    after cursor: AlertCursor?, through day: CivilDate
  ) async throws -> (
    alerts: [ProjectedAlert], cursor: AlertCursor
  )

  /// A sink's cursor, `nil` before its first pass over read models.
  func alertCursor(sink: String) async throws -> AlertCursor?

  /// Moves a sink's cursor, after every alert the pass offered is acknowledged.
  func saveAlertCursor(_ cursor: AlertCursor, sink: String) async throws
}
