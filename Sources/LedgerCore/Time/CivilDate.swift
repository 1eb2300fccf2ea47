/// A date in the program's calendar (proleptic Gregorian), with no time of day and no zone.
///
/// Effective dates are civil dates: `2021-01-31` means that day wherever the program runs.
/// Month arithmetic clamps to the end of the month, and periods built from dates are
/// closed-open.
///
/// ```swift
/// let placed = try CivilDate(parsing: "2021-01-31")
/// placed.adding(months: 3)  // 2021-04-30
/// ```
public struct CivilDate: Hashable, Comparable, Sendable {
  /// The year, 1 through 9999.
  public let year: Int
  /// The month, 1 through 12.
  public let month: Int
  /// The day of the month, 1 through the month's length.
  public let day: Int

  /// Creates a date from its parts, or returns `nil` when the day does not exist.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      day >= 1, day <= CivilDate.daysIn(month: month, year: year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Whether `year` is a leap year of the Gregorian calendar.
  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// The number of days in `month` of `year`.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }
}
