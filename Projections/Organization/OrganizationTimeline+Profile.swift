public import LedgerCore

extension OrganizationTimeline {
  /// The business profile on `date`: the status's display, dated by the replay's history
  /// (the last day each competency's display changed to what it shows now).
  public func profile(asOf date: CivilDate) -> BusinessProfile {
    let status = status(asOf: date)
    var displayedSince: [String: CivilDate] = [:]
    for entry in history(through: date) {
      for change in entry.changes where change.aspect.name == "displayed" {
        displayedSince[change.aspect.subject] = entry.date
      }
    }
    let competencies = status.competencies.compactMap { competency -> BusinessProfile.Shown<Level>? in
      guard let level = competency.displayed, let since = displayedSince[competency.competency] else { return nil }
      return .init(id: competency.competency, value: level, since: since)
    }
    let specializations = status.specializations.compactMap { specialization -> BusinessProfile.Shown<String>? in
      guard specialization.status == "active", let since = specialization.activeSince else { return nil }
      return .init(id: specialization.specialization, value: specialization.specialization, since: since)
    }
    return BusinessProfile(
      org: facts.org, asOf: date,
      membership: status.membership.map { .init(id: facts.org, value: $0.level, since: $0.since) },
      competencies: competencies, specializations: specializations)
  }
}
