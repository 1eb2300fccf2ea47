/// A calendar month, `YYYY-MM`: the period of monthly figures such as performance and ACR.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The year, 1 through 9999.
  public let year: Int
  /// The month, 1 through 12.
  public let month: Int

  /// Creates a month, or returns `nil` when the parts are out of range.
  public init?(year: Int, month: Int) {
    guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
    self.year = year
    self.month = month
  }

  /// Parses `YYYY-MM`.
  /// - Throws: ``CivilDate/ParseError`` naming the text.
  public init(parsing text: String) throws(CivilDate.ParseError) {
    guard text.utf8.count == 7,
      let date = try? CivilDate(parsing: text + "-01")
    else { throw CivilDate.ParseError(text: text, reason: "not a month of the form YYYY-MM") }
    self.init(year: date.year, month: date.month)!
  }

  /// The month containing `date`.
  public init(_ date: CivilDate) {
    self.init(year: date.year, month: date.month)!
  }

  /// The first day of the month.
  public var firstDay: CivilDate { CivilDate(year: year, month: month, day: 1)! }

  /// The month `count` months later (earlier when negative).
  public func adding(months count: Int) -> YearMonth {
    let date = firstDay.adding(months: count)
    return YearMonth(year: date.year, month: date.month)!
  }

  public var description: String { String(firstDay.description.prefix(7)) }

  public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
    (lhs.year, lhs.month) < (rhs.year, rhs.month)
  }
}
