public import LedgerCore

extension StatusTimeline {
  /// The business profile on `day`, as ``OrganizationTimeline/profile(asOf:)`` gives it: each
  /// competency's display dated by the first piece of the run of pieces showing its level;
  /// `nil` where ``status(asOf:)`` is.
  public func profile(asOf day: CivilDate) -> BusinessProfile? {
    guard let status = status(asOf: day), let last = piece(inForceOn: day) else { return nil }
    return BusinessProfile(status: status) { competency in
      let level = pieces[last].competencies.first { $0.competency == competency }?.displayed
      var first = last
      while first > 0, pieces[first - 1].competencies.first(where: { $0.competency == competency })?.displayed == level
      {
        first -= 1
      }
      return pieces[first].asOf
    }
  }
}
