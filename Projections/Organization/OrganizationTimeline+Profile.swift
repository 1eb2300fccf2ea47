public import LedgerCore

extension OrganizationTimeline {
  /// The business profile on `date`: the status's display, dated by the replay's history
  /// (the last day each competency's display changed to what it shows now).
  public func profile(asOf date: CivilDate) -> BusinessProfile {
    var displayedSince: [String: CivilDate] = [:]
    for entry in history(through: date) {
      for change in entry.changes where change.aspect.name == "displayed" {
        displayedSince[change.aspect.subject] = entry.date
      }
    }
    return BusinessProfile(status: status(asOf: date)) { displayedSince[$0] }
  }
}
