import LedgerCore
import Projections

extension OrganizationQuery {
  /// The status from the organization's read model, when the models are folded through
  /// `knownAt` (so it is the head) with these rules and the model reaches `asOf`; `nil` when
  /// the replay must answer (no current models, no model of this organization, a day past its
  /// horizon).
  /// - Throws: ``StoredDataError`` when the stored timeline does not read back.
  func projectedStatus(of org: String, asOf: CivilDate, knownAt: Int64) async throws -> OrganizationStatus? {
    try await projected(org, asOf: asOf, knownAt: knownAt, { $0.status(asOf: asOf) }, { $0.status(asOf: asOf) })
  }

  /// The business profile from the organization's read model, when ``projectedStatus(of:asOf:knownAt:)``
  /// would answer; `nil` when the replay must.
  /// - Throws: ``StoredDataError`` when the stored timeline does not read back.
  func projectedProfile(of org: String, asOf: CivilDate, knownAt: Int64) async throws -> BusinessProfile? {
    try await projected(org, asOf: asOf, knownAt: knownAt, { $0.profile(asOf: asOf) }, { $0.profile(asOf: asOf) })
  }

  /// `answer` of the organization's stored timeline, or before its first event `empty` of a
  /// timeline of no events (the replay applies nothing then); `nil` when the replay must answer.
  private func projected<Answer>(
    _ org: String, asOf: CivilDate, knownAt: Int64, _ answer: (StatusTimeline) -> Answer?,
    _ empty: (OrganizationTimeline) -> Answer
  ) async throws -> Answer? {
    guard let store = log as? any ReadModelStore,
      case .encoded(let bytes)? = try await store.projectedStatuses(
        of: org, at: ReadModelCheckpoint(position: knownAt, rules: Projector.rules(for: catalogs)))
    else { return nil }
    let statuses = try StatusTimeline(encoded: bytes)
    if let answer = answer(statuses) { return answer }
    guard let start = statuses.start, asOf < start else { return nil }
    return empty(OrganizationTimeline(catalogs: catalogs, facts: OrganizationFacts(org: org)))
  }
}
