public import Foundation

/// When the ledger learned a fact: microseconds since 1970-01-01T00:00:00Z, assigned by the
/// store and strictly increasing along the log.
public struct RecordedInstant: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Microseconds since the Unix epoch, UTC.
  public let microseconds: Int64

  /// Creates an instant from microseconds since the epoch.
  public init(microseconds: Int64) {
    self.microseconds = microseconds
  }

  /// Microseconds in a day.
  public static let microsecondsPerDay: Int64 = 86_400_000_000

  /// The civil day (UTC) the instant falls on.
  public var day: CivilDate { CivilDate(dayNumber: Int(microseconds / Self.microsecondsPerDay)) }

  /// The instant of a `Date`, truncated to the microsecond.
  public init(_ date: Date) {
    microseconds = Int64((date.timeIntervalSince1970 * 1_000_000).rounded(.down))
  }

  /// Parses an RFC 3339 instant in UTC (`2021-03-31T23:59:59Z`, fractions up to 6 digits),
  /// or a civil date, meaning the end of that day in UTC.
  /// - Throws: ``CivilDate/ParseError`` naming the text.
  public init(parsing text: String) throws(CivilDate.ParseError) {
    if text.utf8.count == 10 {
      let date = try CivilDate(parsing: text)
      microseconds = Int64(date.dayNumber + 1) * Self.microsecondsPerDay - 1
      return
    }
    let refuse = CivilDate.ParseError(text: text, reason: "not an instant of the form YYYY-MM-DDTHH:MM:SS[.ffffff]Z")
    let bytes = Array(text.utf8)
    guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T"), bytes.last == UInt8(ascii: "Z"),
      bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":")
    else { throw refuse }
    let date = try CivilDate(parsing: String(decoding: bytes[0..<10], as: UTF8.self))
    func number(_ range: Range<Int>) -> Int64? {
      var value: Int64 = 0
      for byte in bytes[range] {
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int64(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard let hour = number(11..<13), hour < 24, let minute = number(14..<16), minute < 60,
      let second = number(17..<19), second < 60
    else { throw refuse }
    var fraction: Int64 = 0
    if bytes.count > 20 {
      let digits = bytes.count - 21
      guard bytes[19] == UInt8(ascii: "."), (1...6).contains(digits), let value = number(20..<(bytes.count - 1))
      else { throw refuse }
      fraction = value * Int64([1, 100_000, 10_000, 1_000, 100, 10, 1][digits])
    } else {
      guard bytes.count == 20 else { throw refuse }
    }
    let seconds = Int64(date.dayNumber) * 86_400 + hour * 3_600 + minute * 60 + second
    microseconds = seconds * 1_000_000 + fraction
  }

  /// RFC 3339 in UTC with microseconds: `2021-03-31T23:59:59.000001Z`.
  public var description: String {
    let seconds = microseconds >= 0 ? microseconds / 1_000_000 : (microseconds - 999_999) / 1_000_000
    let fraction = microseconds - seconds * 1_000_000
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let secondOfDay = seconds - days * 86_400
    func pad(_ value: Int64, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    let date = CivilDate(dayNumber: Int(days))
    return "\(date)T\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay % 3600 / 60, 2)):"
      + "\(pad(secondOfDay % 60, 2)).\(pad(fraction, 6))Z"
  }

  public static func < (lhs: RecordedInstant, rhs: RecordedInstant) -> Bool {
    lhs.microseconds < rhs.microseconds
  }
}
