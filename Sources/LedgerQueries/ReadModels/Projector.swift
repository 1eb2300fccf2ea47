public import LedgerCatalog
public import LedgerCore
import Projections

/// Keeps the read models current with a checkpointed catch-up: from the checkpoint on, it
/// finds the organizations the new events concern and folds only those again, as known at
/// the head, saving models and the new checkpoint in transactions of ``batchSize``
/// organizations (the checkpoint moves with the last). Stopped at any moment, it resumes
/// without folding again what was saved: an organization whose model was folded at or after
/// its last concerning event is skipped.
///
/// Each model holds the organization's alerts and its status timeline through its horizon,
/// ``horizonYears`` after its last effective date (or after the day asked about, when later):
/// the replay is causal, so the alerts through any earlier day are a prefix of these, and the
/// status on any day through the horizon is in the timeline.
public struct Projector {
  /// The log and its read models.
  public let log: any EventLog & ReadModelStore
  /// The rules.
  public let catalogs: CatalogHistory
  /// Organizations saved per transaction.
  public static let batchSize = 200
  /// How many years past an organization's last effective date its model reaches.
  public static let horizonYears = 5
  /// The fold's own version: a change to what models hold, or how, bumps it, so that models
  /// folded by an older release are dropped and folded again.
  static let foldVersion = 2

  /// Creates a projector over `log` with `catalogs`.
  public init(log: any EventLog & ReadModelStore, catalogs: CatalogHistory) {
    self.log = log
    self.catalogs = catalogs
  }

  /// What the models are folded with: the fold's version and every catalog version in force,
  /// with the digest of its source.
  public var rules: String { Self.rules(for: catalogs) }

  /// What models folded with `catalogs` are folded with (``rules``).
  static func rules(for catalogs: CatalogHistory) -> String {
    "fold \(Self.foldVersion); catalogs "
      + catalogs.versions.map { "\($0.version)@\($0.effectiveFrom)#\($0.digest)" }.joined(separator: ",")
  }

  /// Whether the models answer questions as known at `position`: folded through it, with
  /// these rules.
  public func isCurrent(at position: Int64) async throws -> Bool {
    try await log.readModelCheckpoint() == ReadModelCheckpoint(position: position, rules: rules)
  }

  /// Folds what is new since the checkpoint (everything the first time, or when the rules
  /// changed), and every model whose horizon ends before `day`.
  /// - Parameter progress: hears how many of the organizations to fold are done.
  @discardableResult
  public func catchUp(
    through day: CivilDate? = nil, progress: (ProjectionProgress) -> Void = { _ in }
  ) async throws -> ProjectionReport {
    try await log.projectingAlone { try await catchUpAlone(through: day, progress: progress) }
  }

  private func catchUpAlone(
    through day: CivilDate?, progress: (ProjectionProgress) -> Void
  ) async throws -> ProjectionReport {
    let head = try await log.headPosition()
    var checkpoint = try await log.readModelCheckpoint()
    if checkpoint?.rules != rules {
      let fresh = ReadModelCheckpoint(position: 0, rules: rules)
      try await log.resetReadModels(to: fresh)
      checkpoint = fresh
    }
    let from = checkpoint?.position ?? 0
    // Nothing new and no day to reach: done without reading every model's header.
    if from == head, day == nil { return ProjectionReport(from: from, to: head, organizations: 0) }
    let headers = try await log.readModelHeaders()
    var stale = Set<String>()
    if from < head {
      for (org, last) in try await log.organizationsConcerned(after: from, through: head)
      where (headers[org]?.foldedAt ?? 0) < last {
        stale.insert(org)
      }
    }
    if let day {
      for (org, header) in headers where header.horizon < day { stale.insert(org) }
    }
    let work = stale.sorted()
    if work.isEmpty, from == head { return ProjectionReport(from: from, to: head, organizations: 0) }
    var done = 0
    var batches = 0
    progress(ProjectionProgress(organizations: 0, of: work.count, position: head))
    repeat {
      let batch = work[done..<min(done + Self.batchSize, work.count)]
      let (models, removed) = try await fold(batch, knownAt: head, through: day)
      done += batch.count
      let last = done == work.count
      try await log.saveReadModels(
        models, removing: removed, checkpoint: last ? ReadModelCheckpoint(position: head, rules: rules) : nil)
      batches += 1
      CrashPoint.reach("project.batch", count: batches)
      progress(ProjectionProgress(organizations: done, of: work.count, position: head))
    } while done < work.count
    return ProjectionReport(from: from, to: head, organizations: work.count)
  }

  /// Drops every model and folds every organization again.
  @discardableResult
  public func rebuild(progress: (ProjectionProgress) -> Void = { _ in }) async throws -> ProjectionReport {
    try await log.projectingAlone {
      try await log.resetReadModels(to: ReadModelCheckpoint(position: 0, rules: rules))
      return try await catchUpAlone(through: nil, progress: progress)
    }
  }

  /// The models of `batch` as known at `head`, in the batch's order, and the organizations no
  /// visible event names.
  private func fold(
    _ batch: ArraySlice<String>, knownAt head: Int64, through day: CivilDate?
  ) async throws -> (models: [OrganizationReadModel], removed: [String]) {
    let models = try await OrganizationQuery(log: log, catalogs: catalogs).replays(of: batch, knownAt: head) {
      Self.model(of: $0, knownAt: head, through: day)
    }
    return (models.compactMap { $0 }, zip(batch, models).compactMap { $1 == nil ? $0 : nil })
  }

  /// The model of the organization `timeline` replays, as known at `head`.
  private static func model(
    of timeline: OrganizationTimeline, knownAt head: Int64, through day: CivilDate?
  ) -> OrganizationReadModel {
    let org = timeline.facts.org
    let last = timeline.facts.events.map(\.effective).max()!
    let horizon = max(last, day ?? last).adding(years: Self.horizonYears)
    let projection = timeline.projection(through: horizon)
    let alerts = Alert.all(org: org, transitions: projection.transitions, reminders: projection.reminders)
    return OrganizationReadModel(
      org: org, header: .init(foldedAt: head, horizon: horizon),
      alerts: alerts.enumerated().map { $1.projected(sequence: $0) }, statuses: projection.statuses.encoded)
  }
}
