public import Foundation

/// The reason some bytes are not one JSON document.
public struct JSONParseError: Error, Equatable, CustomStringConvertible {
  /// The 1-based column (byte offset) where the problem was found.
  public let column: Int
  /// What is wrong there.
  public let reason: String

  public var description: String { "malformed JSON at column \(column): \(reason)" }
}

/// A strict JSON parser over UTF-8 bytes (RFC 8259): one value, no trailing content,
/// no duplicate object keys, valid UTF-8 only.
public struct JSONParser: ~Copyable {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  private var depth = 0
  private static let maximumDepth = 64
  /// The locale numbers are read in, made once (making one per number was a lock and a lookup).
  private static let posix = Locale(identifier: "en_US_POSIX")

  private init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// Parses one JSON document.
  /// - Throws: ``JSONParseError`` naming the column and the reason.
  public static func parse(_ data: some ContiguousBytes) throws(JSONParseError) -> JSONValue {
    let result: Result<JSONValue, JSONParseError> = data.withUnsafeBytes { raw in
      var parser = JSONParser(bytes: raw.bindMemory(to: UInt8.self))
      return Result { () throws(JSONParseError) in try parser.document() }
    }
    return try result.get()
  }

  /// The number that starts at `index` of `bytes`, read as in a document, with `index` moved
  /// past it; `nil` when no valid number starts there. The bytes after it are not looked at.
  package static func number(in bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> Decimal? {
    guard index < bytes.count else { return nil }
    var parser = JSONParser(bytes: bytes)
    parser.index = index
    guard case .number(let value)? = try? parser.parseNumber() else { return nil }
    index = parser.index
    return value
  }

  private func fail(_ reason: String) -> JSONParseError {
    JSONParseError(column: index + 1, reason: reason)
  }

  private mutating func document() throws(JSONParseError) -> JSONValue {
    skipSpace()
    let value = try parseValue()
    skipSpace()
    guard index == bytes.count else { throw fail("unexpected content after the JSON value") }
    return value
  }

  private mutating func skipSpace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  private mutating func parseValue() throws(JSONParseError) -> JSONValue {
    guard index < bytes.count else { throw fail("unexpected end of input") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): try literal("true"); return .bool(true)
    case UInt8(ascii: "f"): try literal("false"); return .bool(false)
    case UInt8(ascii: "n"): try literal("null"); return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default: throw fail("unexpected character")
    }
  }

  private mutating func literal(_ word: StaticString) throws(JSONParseError) {
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count else { throw fail("unexpected end of input") }
    for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
      throw fail("unexpected character")
    }
    index += count
  }

  private mutating func enter() throws(JSONParseError) {
    depth += 1
    guard depth <= JSONParser.maximumDepth else { throw fail("nested too deeply") }
  }

  private mutating func parseObject() throws(JSONParseError) -> JSONValue {
    try enter()
    index += 1
    var members: [(key: String, value: JSONValue)] = []
    members.reserveCapacity(8)
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      depth -= 1
      return .object(members)
    }
    while true {
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw fail("expected a member name in quotes")
      }
      let keyColumn = index
      let key = try parseString()
      if members.contains(where: { $0.key == key }) {
        throw JSONParseError(column: keyColumn + 1, reason: "duplicate member \"\(key)\"")
      }
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'") }
      index += 1
      skipSpace()
      members.append((key, try parseValue()))
      skipSpace()
      guard index < bytes.count else { throw fail("unexpected end of input") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "}") {
        index += 1
        depth -= 1
        return .object(members)
      } else {
        throw fail("expected ',' or '}'")
      }
    }
  }

  private mutating func parseArray() throws(JSONParseError) -> JSONValue {
    try enter()
    index += 1
    var elements: [JSONValue] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      depth -= 1
      return .array(elements)
    }
    while true {
      skipSpace()
      elements.append(try parseValue())
      skipSpace()
      guard index < bytes.count else { throw fail("unexpected end of input") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "]") {
        index += 1
        depth -= 1
        return .array(elements)
      } else {
        throw fail("expected ',' or ']'")
      }
    }
  }

  private mutating func parseString() throws(JSONParseError) -> String {
    index += 1
    let start = index
    // Fast path: no escapes; ASCII needs no validation (the generic validator is slow).
    var seen: UInt8 = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
        index += 1
        if seen < 0x80 { return String(decoding: slice, as: UTF8.self) }
        guard let text = String(validating: slice, as: UTF8.self) else {
          throw JSONParseError(column: start + 1, reason: "invalid UTF-8 in a string")
        }
        return text
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { throw fail("control character in a string") }
      seen |= byte
      index += 1
    }
    var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        guard let text = String(validating: buffer, as: UTF8.self) else {
          throw JSONParseError(column: start + 1, reason: "invalid UTF-8 in a string")
        }
        index += 1
        return text
      case UInt8(ascii: "\\"):
        index += 1
        guard index < bytes.count else { throw fail("unexpected end of input") }
        let escaped = bytes[index]
        index += 1
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escaped)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"): buffer.append(contentsOf: try unicodeEscape())
        default: throw fail("invalid escape")
        }
      default:
        if byte < 0x20 { throw fail("control character in a string") }
        buffer.append(byte)
        index += 1
      }
    }
    throw fail("unterminated string")
  }

  private mutating func hex4() throws(JSONParseError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw fail("unexpected end of input") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw fail("invalid \\u escape")
      }
      value = value << 4 | UInt32(digit)
      index += 1
    }
    return value
  }

  private mutating func unicodeEscape() throws(JSONParseError) -> [UInt8] {
    var scalarValue = try hex4()
    if (0xD800...0xDBFF).contains(scalarValue) {
      guard index + 2 <= bytes.count, bytes[index] == UInt8(ascii: "\\"),
        bytes[index + 1] == UInt8(ascii: "u")
      else { throw fail("unpaired surrogate") }
      index += 2
      let low = try hex4()
      guard (0xDC00...0xDFFF).contains(low) else { throw fail("unpaired surrogate") }
      scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
    }
    guard let scalar = Unicode.Scalar(scalarValue) else { throw fail("unpaired surrogate") }
    return Array(String(Character(scalar)).utf8)
  }

  private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
    let start = index
    func digits() -> Int {
      let first = index
      while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
        index += 1
      }
      return index - first
    }
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < bytes.count else { throw fail("unexpected end of input") }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
    } else if digits() == 0 {
      throw fail("invalid number")
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard digits() > 0 else { throw fail("invalid number") }
    }
    let exponent = index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E"))
    if exponent {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
        index += 1
      }
      guard digits() > 0 else { throw fail("invalid number") }
    }
    let number = UnsafeBufferPointer(rebasing: bytes[start..<index])
    if !exponent, let value = Self.plainDecimal(number) { return .number(value) }
    let text = String(decoding: number, as: UTF8.self)
    guard let value = Decimal(string: text, locale: JSONParser.posix), !value.isNaN else {
      throw JSONParseError(column: start + 1, reason: "number out of range")
    }
    return .number(value)
  }

  /// A well-formed number without an exponent, of at most 18 significant digits and not zero,
  /// built from its digits as `Decimal(string:)` would read it (the same value, exponent and
  /// text, which `JSONTests` checks on many numbers) without Foundation's parser; nil for any
  /// other number, which Foundation reads.
  static func plainDecimal(_ number: UnsafeBufferPointer<UInt8>) -> Decimal? {
    var (mantissa, significant, fraction, negative, inFraction) = (UInt64(0), 0, 0, false, false)
    for byte in number {
      switch byte {
      case UInt8(ascii: "-"): negative = true
      case UInt8(ascii: "."): inFraction = true
      default:
        if inFraction { fraction += 1 }
        guard mantissa != 0 || byte != UInt8(ascii: "0") else { continue }
        significant += 1
        guard significant <= 18 else { return nil }
        mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
      }
    }
    guard mantissa != 0 else { return nil }
    return Decimal(sign: negative ? .minus : .plus, exponent: -fraction, significand: Decimal(mantissa))
  }
}
