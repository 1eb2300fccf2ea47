extension CivilDate {
  /// The reason a text is not a civil date.
  public struct ParseError: Error, Equatable, CustomStringConvertible {
    /// The text that was given.
    public let text: String
    /// Why it was refused.
    public let reason: String

    /// Creates a parse error.
    public init(text: String, reason: String) {
      self.text = text
      self.reason = reason
    }

    public var description: String { "\(reason): \"\(text)\"" }
  }

  /// Parses `YYYY-MM-DD`, refusing other shapes and days that do not exist (`2021-02-30`).
  /// - Throws: ``ParseError`` naming the text and the reason.
  public init(parsing text: String) throws(ParseError) {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
      throw ParseError(text: text, reason: "not a date of the form YYYY-MM-DD")
    }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let byte = bytes[index]
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
      throw ParseError(text: text, reason: "not a date of the form YYYY-MM-DD")
    }
    guard let date = CivilDate(year: year, month: month, day: day) else {
      throw ParseError(text: text, reason: "no such day")
    }
    self = date
  }
}

extension CivilDate: CustomStringConvertible {
  /// The date as `YYYY-MM-DD`.
  public var description: String {
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }
}
