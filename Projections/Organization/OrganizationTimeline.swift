public import LedgerCatalog
public import LedgerCore

/// Replays one organization's facts day by day up to an as-of date: every day an event takes
/// effect or time changes something (a credential expiring, an override ending, a term ending,
/// a metric window moving). Pure: no clock, no I/O.
public struct OrganizationTimeline: Sendable {
  /// The rules, by effective date.
  public let catalogs: CatalogHistory
  /// The organization's facts.
  public let facts: OrganizationFacts

  /// Creates a timeline.
  public init(catalogs: CatalogHistory, facts: OrganizationFacts) {
    self.catalogs = catalogs
    self.facts = facts
  }

  /// The status on `asOf`, from the facts effective on or before it.
  public func status(asOf: CivilDate) -> OrganizationStatus {
    var walk = TimelineWalk(org: facts.org, catalogs: catalogs)
    walk.run(facts.events, through: asOf)
    return walk.walkedStatus(asOf: asOf)
  }

  /// The ACR requirements on `asOf` (of one specialization, or of every competency and
  /// specialization), with what counts and what is left out.
  public func consumptionReport(asOf: CivilDate, specialization: String? = nil) -> ConsumptionReport {
    var walk = TimelineWalk(org: facts.org, catalogs: catalogs)
    walk.run(facts.events, through: asOf)
    return ConsumptionReport.build(
      catalog: catalogs.catalog(on: asOf), state: walk.state, date: asOf, specialization: specialization)
  }

  /// The requirement-by-requirement evaluation of a competency or specialization on `asOf`.
  public func explain(_ id: String, asOf: CivilDate) -> Explanation? {
    var walk = TimelineWalk(org: facts.org, catalogs: catalogs)
    walk.run(facts.events, through: asOf)
    return walk.explain(id, on: asOf)
  }
}
