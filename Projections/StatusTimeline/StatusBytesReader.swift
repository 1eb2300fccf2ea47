import LedgerCore

/// Reads what ``StatusBytesWriter`` wrote; a malformed input throws ``StoredDataError``.
struct StatusBytesReader {
  private let bytes: [UInt8]
  private var offset = 0
  private var table: [String] = []

  init(_ bytes: [UInt8]) throws {
    self.bytes = bytes
    let count = try self.count()
    var entries: [[UInt8]] = []
    entries.reserveCapacity(count)
    for index in 0..<count {
      let back = try self.count()
      guard back > 0 else {
        entries.append(try stretch())
        continue
      }
      guard back <= index else { throw malformed("string \(index) refers to one before the table") }
      let base = entries[index - back]
      let (prefix, suffix) = (try self.count(), try self.count())
      guard prefix + suffix <= base.count else { throw malformed("string \(index) shares more than its base has") }
      entries.append(Array(base[0..<prefix]) + (try stretch()) + base[(base.count - suffix)...])
    }
    table = entries.map { String(decoding: $0, as: UTF8.self) }
  }

  /// A length and that many bytes.
  private mutating func stretch() throws -> [UInt8] {
    let length = try count()
    guard offset + length <= bytes.count else { throw malformed("a string overruns the input") }
    defer { offset += length }
    return Array(bytes[offset..<offset + length])
  }

  var isAtEnd: Bool { offset == bytes.count }

  func malformed(_ reason: String) -> StoredDataError {
    StoredDataError(position: nil, reason: "a read model's status timeline is malformed: \(reason)")
  }

  mutating func integer() throws -> Int {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard offset < bytes.count, shift < 64 else { throw malformed("an integer is cut short") }
      let byte = bytes[offset]
      offset += 1
      value |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { break }
      shift += 7
    }
    let zigzag = Int64(bitPattern: value)
    return Int((zigzag >> 1) ^ -(zigzag & 1))
  }

  mutating func count() throws -> Int {
    let value = try integer()
    guard value >= 0, value <= bytes.count else { throw malformed("a count of \(value)") }
    return value
  }

  mutating func flag() throws -> Bool {
    guard offset < bytes.count, bytes[offset] <= 1 else { throw malformed("a flag is not 0 or 1") }
    offset += 1
    return bytes[offset - 1] == 1
  }

  mutating func day() throws -> CivilDate { CivilDate(dayNumber: try integer()) }

  mutating func optionalDay() throws -> CivilDate? { try flag() ? try day() : nil }

  mutating func string() throws -> String {
    let index = try integer()
    guard table.indices.contains(index) else { throw malformed("string \(index) is not in the table") }
    return table[index]
  }

  mutating func optionalString() throws -> String? { try flag() ? try string() : nil }

  mutating func strings() throws -> [String] {
    try (0..<count()).map { _ in try string() }
  }

  mutating func level() throws -> Level? {
    switch try integer() {
    case 0: return nil
    case 1: return .silver
    case 2: return .gold
    case let other: throw malformed("level \(other)")
    }
  }

  /// A value spelled by its raw value in the table.
  mutating func raw<T: RawRepresentable>(_ type: T.Type) throws -> T where T.RawValue == String {
    let text = try string()
    guard let value = T(rawValue: text) else { throw malformed("\"\(text)\" is not a \(T.self)") }
    return value
  }
}
