extension CivilDate {
  /// The number of days since 1970-01-01 (negative before it).
  public var dayNumber: Int {
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let monthIndex = month > 2 ? month - 3 : month + 9
    let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The first and last days of the calendar the ledger uses (years 1 through 9999).
  public static let earliest = CivilDate(year: 1, month: 1, day: 1)!
  public static let latest = CivilDate(year: 9999, month: 12, day: 31)!

  /// The date `dayNumber` days after 1970-01-01, saturating at ``earliest`` and ``latest``.
  public init(dayNumber: Int) {
    let bounded = min(max(dayNumber, -719_162), 2_932_896)
    let z = bounded + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    self.init(year: year, month: month, day: day)!
  }

  /// The date `days` days later (earlier when negative).
  public func adding(days: Int) -> CivilDate {
    CivilDate(dayNumber: dayNumber + days)
  }

  /// The same day `months` months later, clamped to the end of a shorter month.
  ///
  /// Always compute from the anchor: `2021-01-31` + 2 months is `2021-03-31`, whereas
  /// chaining two additions of one month gives `2021-03-28`.
  /// Past the calendar's range the result saturates at ``earliest`` or ``latest``.
  public func adding(months: Int) -> CivilDate {
    let total = year * 12 + (month - 1) + months
    guard total >= 12 else { return .earliest }
    guard total < 10_000 * 12 else { return .latest }
    let newYear = total / 12
    let newMonth = total % 12 + 1
    let newDay = min(day, CivilDate.daysIn(month: newMonth, year: newYear))
    return CivilDate(year: newYear, month: newMonth, day: newDay)!
  }

  /// The same day `years` years later; 29 February becomes 28 February in a common year.
  public func adding(years: Int) -> CivilDate {
    adding(months: years * 12)
  }
}
