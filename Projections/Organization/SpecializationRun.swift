public import LedgerCore

/// An advanced specialization's active run: from the day its requirements were all met, one
/// validity year at a time (`specializationValidityMonths`). Within a year it stays active
/// whatever the trailing windows do; at each anniversary it is re-checked, and renews when
/// the requirements are met that day or lapses when they are not. Losing the aligned Gold
/// membership ends it at once.
public struct SpecializationRun: Equatable, Sendable {
  /// The first day of the run.
  public let since: CivilDate
  /// The next anniversary: the day the run is re-checked.
  public private(set) var anniversary: CivilDate

  /// A run starting on `date`.
  init(since date: CivilDate, validityMonths: Int) {
    self.since = date
    self.anniversary = date.adding(months: validityMonths)
  }

  /// The run renewed at its anniversary for the validity year after.
  func renewed(validityMonths: Int) -> SpecializationRun {
    var next = self
    var years = 1
    while next.anniversary <= anniversary {
      years += 1
      next.anniversary = since.adding(months: validityMonths * years)
    }
    return next
  }
}
