package import Foundation

/// Reads a stored payload's fields front to back from its canonical bytes, for a type that
/// asks for them in key order: each key is compared where it must stand, and each value is
/// read where it lies, with no scan ahead, no member table and no JSON tree.
///
/// The cursor takes only what it can read exactly as ``FieldReader`` would read the stored
/// payload: plain strings (printable ASCII, no escapes), numbers, no `null`, no whitespace.
/// Anything else (a key out of place, another value, a member nobody asked for) throws, and
/// the caller decodes the payload the general way, which gives the answer or words the error.
package struct CanonicalFieldCursor: FieldReading {
  private let bytes: UnsafeBufferPointer<UInt8>
  /// Where the next member's key begins (its opening quote), or the closing brace.
  private var index = 1

  /// A cursor at the first member of `bytes`; `nil` when they are not a JSON object.
  package init?(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count >= 2, bytes[0] == UInt8(ascii: "{"), bytes[bytes.count - 1] == UInt8(ascii: "}") else {
      return nil
    }
    self.bytes = bytes
  }

  private static let outOfPlace = EventValidationError("stored payload is not in key order")

  package mutating func optionalString(_ key: StaticString) throws(EventValidationError) -> String? {
    guard let value = try plainValue(key) else { return nil }
    return String(decoding: value, as: UTF8.self)
  }

  package mutating func optionalText(_ key: StaticString) throws(EventValidationError) -> String? {
    try optionalString(key)
  }

  package mutating func optionalDate(_ key: StaticString) throws(EventValidationError) -> CivilDate? {
    guard let value = try plainValue(key) else { return nil }
    guard case .date(let date) = CivilDate.parse(utf8: value) else { throw Self.outOfPlace }
    return date
  }

  package mutating func decimal(_ key: StaticString) throws(EventValidationError) -> Decimal {
    guard try at(key), let value = JSONParser.number(in: bytes, at: &index) else { throw Self.outOfPlace }
    try endMember()
    return value
  }

  /// Refuses a member nobody asked for: the cursor must stand at the closing brace.
  package func finish() throws(EventValidationError) {
    guard index == bytes.count - 1 else { throw Self.outOfPlace }
  }

  /// The bytes of the non-empty plain string under `key`, with the cursor moved past the
  /// member; `nil` when the payload has no such member (the next key sorts after it).
  private mutating func plainValue(_ key: StaticString) throws(EventValidationError) -> UnsafeBufferPointer<UInt8>? {
    guard try at(key) else { return nil }
    guard bytes[index] == UInt8(ascii: "\"") else { throw Self.outOfPlace }
    let start = index + 1
    var cursor = start
    while bytes[cursor] != UInt8(ascii: "\"") {
      guard JSONValue.isPlain(bytes[cursor]), cursor < bytes.count - 2 else { throw Self.outOfPlace }
      cursor += 1
    }
    guard cursor > start else { throw Self.outOfPlace }
    index = cursor + 1
    try endMember()
    return UnsafeBufferPointer(rebasing: bytes[start..<cursor])
  }

  /// Whether the member at the cursor is `key`, with the cursor moved to its value when it
  /// is; `false` when the payload has no member `key` (the cursor stands at the end, or at a
  /// key that sorts after it). Throws when a key that sorts before it was not asked for.
  ///
  /// The key is compared in place, byte by byte: where the two first differ decides, as
  /// canonical order is by bytes, and a byte that is not plain text throws (an escape could
  /// stand for any character).
  private mutating func at(_ key: StaticString) throws(EventValidationError) -> Bool {
    let end = bytes.count - 1
    guard index < end else { return false }
    guard bytes[index] == UInt8(ascii: "\"") else { throw Self.outOfPlace }
    var cursor = index + 1
    for wanted in UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount) {
      guard cursor < end else { throw Self.outOfPlace }
      let found = bytes[cursor]
      if found != wanted {
        // A found key that ends here (its quote) or sorts before `key` is a member skipped.
        guard JSONValue.isPlain(found), wanted < found else { throw Self.outOfPlace }
        return false
      }
      cursor += 1
    }
    guard cursor + 1 < end else { throw Self.outOfPlace }
    switch bytes[cursor] {
    case UInt8(ascii: "\""):
      guard bytes[cursor + 1] == UInt8(ascii: ":") else { throw Self.outOfPlace }
      index = cursor + 2
      return true
    case let found where JSONValue.isPlain(found):
      return false  // `key` is a prefix of the found key, which sorts after it.
    default:
      throw Self.outOfPlace
    }
  }

  /// Moves past the comma after a value, or stays at the closing brace.
  private mutating func endMember() throws(EventValidationError) {
    switch bytes[index] {
    case UInt8(ascii: ",") where index + 1 < bytes.count - 1: index += 1
    case UInt8(ascii: "}") where index == bytes.count - 1: break
    default: throw Self.outOfPlace
    }
  }
}
