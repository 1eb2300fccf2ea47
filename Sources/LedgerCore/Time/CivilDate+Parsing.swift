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
    var utf8 = text
    switch utf8.withUTF8(CivilDate.parse(utf8:)) {
    case .date(let date): self = date
    case .noSuchDay: throw ParseError(text: text, reason: "no such day")
    case .malformed: throw ParseError(text: text, reason: "not a date of the form YYYY-MM-DD")
    }
  }

  /// What the bytes of a would-be date hold.
  package enum Parsed {
    /// A valid date.
    case date(CivilDate)
    /// Not of the form `YYYY-MM-DD`.
    case malformed
    /// Of the form, but no such day.
    case noSuchDay
  }

  /// Parses the UTF-8 bytes of `YYYY-MM-DD` without building a `String`.
  package static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Parsed {
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return .malformed }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let byte = bytes[index]
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return .malformed }
    guard let date = CivilDate(year: year, month: month, day: day) else { return .noSuchDay }
    return .date(date)
  }
}

extension CivilDate: CustomStringConvertible {
  /// The date as `YYYY-MM-DD`.
  public var description: String {
    // Written digit by digit (the year is 1…9999): this runs for every event appended.
    String(unsafeUninitializedCapacity: 10) { buffer in
      func digit(_ value: Int) -> UInt8 { UInt8(ascii: "0") + UInt8(value % 10) }
      buffer[0] = digit(year / 1000)
      buffer[1] = digit(year / 100)
      buffer[2] = digit(year / 10)
      buffer[3] = digit(year)
      buffer[4] = UInt8(ascii: "-")
      buffer[5] = digit(month / 10)
      buffer[6] = digit(month)
      buffer[7] = UInt8(ascii: "-")
      buffer[8] = digit(day / 10)
      buffer[9] = digit(day)
      return 10
    }
  }
}
