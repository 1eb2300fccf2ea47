public import LedgerCore

/// The association rate limit of rules §2.4: at most `perYear` associations in any twelve
/// months, and `daysBetween` days from one association's day to the next.
public struct AssociationLimit: Equatable, Sendable {
  /// Associations allowed in twelve months (3).
  public let perYear: Int
  /// Days from one association to the next (30).
  public let daysBetween: Int

  /// Creates the limit.
  public init(perYear: Int, daysBetween: Int) {
    self.perYear = perYear
    self.daysBetween = daysBetween
  }

  /// The first day on or after `date` on which another association is allowed, given the
  /// days of earlier associations.
  public func nextAvailableDate(after earlier: [CivilDate], onOrAfter date: CivilDate) -> CivilDate {
    let days = earlier.sorted()
    var next = date
    if let last = days.last { next = max(next, last.adding(days: daysBetween)) }
    if days.count >= perYear {
      // The oldest of the last `perYear` associations must be twelve months past.
      next = max(next, days[days.count - perYear].adding(years: 1))
    }
    return next
  }

  /// The refusal of §2.4 for an association attempted before `next`.
  public func refusal(next: CivilDate, earlier: [CivilDate], on date: CivilDate) -> String {
    let cooling = earlier.max().map { date < $0.adding(days: daysBetween) } ?? false
    let rule =
      cooling
      ? "we require a period of \(daysBetween) days between associations"
      : "an individual may associate only \(perYear) times in twelve months"
    return "You have attempted to associate with a partner organization. However, \(rule). "
      + "Your next available date for a subsequent association is \(next)."
  }
}
