import LedgerCore
import Projections

extension OrganizationQuery {
  /// The status from the organization's read model, when the models are folded through
  /// `knownAt` (so it is the head) with these rules and the model reaches `asOf`; `nil` when
  /// the replay must answer (no current models, no model of this organization, a day past its
  /// horizon).
  /// - Throws: ``StoredDataError`` when the stored timeline does not read back.
  func projectedStatus(of org: String, asOf: CivilDate, knownAt: Int64) async throws -> OrganizationStatus? {
    guard let store = log as? any ReadModelStore,
      case .encoded(let bytes)? = try await store.projectedStatuses(
        of: org, at: ReadModelCheckpoint(position: knownAt, rules: Projector.rules(for: catalogs)))
    else { return nil }
    let statuses = try StatusTimeline(encoded: bytes)
    if let status = statuses.status(asOf: asOf) { return status }
    guard let start = statuses.start, asOf < start else { return nil }
    // Before its first event, the replay applies nothing: the status of no events.
    return OrganizationTimeline(catalogs: catalogs, facts: OrganizationFacts(org: org)).status(asOf: asOf)
  }
}
