public import LedgerCore
public import Projections

extension OrganizationQuery {
  /// What was recorded about an organization after one known-at position, up to another,
  /// and which answers about the past changed because of it.
  public struct RestatementReport: Sendable {
    /// The earlier position compared with.
    public let since: Int64
    /// The events recorded after `since`, up to the later position, in position order.
    public let recorded: [RecordedEvent]
    /// The stretches whose answers differ between the two positions.
    public let restatements: [Restatement]
  }

  /// The organization's history entries effective from `start` (when given) through `end`,
  /// as known at `knownAt`.
  /// - Throws: ``UnknownOrganization``; what the log throws.
  public func history(
    of org: String, from start: CivilDate?, through end: CivilDate, knownAt: Int64
  ) async throws
    -> [HistoryEntry]
  {
    try await timeline(of: org, knownAt: knownAt).history(through: end).filter { entry in
      start.map { entry.date >= $0 } ?? true
    }
  }

  /// What changed for the organization between known-at `since` (clamped to `knownAt`)
  /// and `knownAt`, for answers about days from `start` (when given) through `end`. An
  /// organization not yet known at `since` is compared with an empty history.
  /// - Throws: ``UnknownOrganization`` when no event names it at `knownAt`; what the log throws.
  public func restatements(
    of org: String, since: Int64, knownAt: Int64, from start: CivilDate?, through end: CivilDate
  ) async throws -> RestatementReport {
    let now = try await timeline(of: org, knownAt: knownAt)
    let since = min(since, knownAt)
    let earlier: OrganizationTimeline
    do {
      earlier = try await timeline(of: org, knownAt: since)
    } catch is UnknownOrganization {
      earlier = OrganizationTimeline(catalogs: catalogs, facts: OrganizationFacts(org: org))
    }
    let recorded = try await log.events(concerning: org, knownAt: knownAt).filter { $0.position > since }
    let restatements = now.restatements(comparedWith: earlier, through: end).filter { restatement in
      start.map { (restatement.until ?? end) >= $0 } ?? true
    }
    return RestatementReport(since: since, recorded: recorded, restatements: restatements)
  }
}
