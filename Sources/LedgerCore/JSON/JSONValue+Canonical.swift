public import Foundation

extension JSONValue {
  /// The canonical bytes: no white space, object keys sorted by their UTF-8 bytes, strings
  /// in NFC (``CanonicalText``) escaped minimally, numbers in `Decimal`'s shortest form.
  ///
  /// These bytes are what the ledger stores and hashes, so they must never change for
  /// the same value.
  public var canonicalBytes: [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(192)
    writeCanonical(into: &output)
    return output
  }

  /// Appends the canonical bytes of this value to `output`.
  public func writeCanonical(into output: inout [UInt8]) {
    switch self {
    case .null: output.append(contentsOf: "null".utf8)
    case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
    case .number(let value): output.append(contentsOf: JSONValue.canonicalText(of: value).utf8)
    case .string(let value): JSONValue.writeString(value, into: &output)
    case .array(let elements):
      output.append(UInt8(ascii: "["))
      for (offset, element) in elements.enumerated() {
        if offset > 0 { output.append(UInt8(ascii: ",")) }
        element.writeCanonical(into: &output)
      }
      output.append(UInt8(ascii: "]"))
    case .object(let members): JSONValue.writeCanonical(members: members, into: &output)
    }
  }

  /// Appends the canonical bytes of an object with `members`: sorted by their keys' UTF-8
  /// bytes (copied to sort only when they are not in that order already).
  static func writeCanonical(members: [(key: String, value: JSONValue)], into output: inout [UInt8]) {
    func write(_ members: some Sequence<(key: String, value: JSONValue)>) {
      output.append(UInt8(ascii: "{"))
      for (offset, member) in members.enumerated() {
        if offset > 0 { output.append(UInt8(ascii: ",")) }
        JSONValue.writeString(member.key, into: &output)
        output.append(UInt8(ascii: ":"))
        member.value.writeCanonical(into: &output)
      }
      output.append(UInt8(ascii: "}"))
    }
    let precedes = { (a: (key: String, value: JSONValue), b: (key: String, value: JSONValue)) in
      JSONValue.utf8Precedes(a.key, b.key)
    }
    if zip(members, members.dropFirst()).allSatisfy({ !precedes($1, $0) }) {
      write(members)
    } else {
      write(members.sorted(by: precedes))
    }
  }

  /// Whether `a` sorts before `b` by their UTF-8 bytes (compared with `memcmp` when both
  /// are contiguous).
  static func utf8Precedes(_ a: String, _ b: String) -> Bool {
    let ordered = a.utf8.withContiguousStorageIfAvailable { left in
      b.utf8.withContiguousStorageIfAvailable { right in bytesPrecede(left, right) }
    }
    return (ordered ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
  }

  /// Whether `left` sorts before `right` byte by byte (a prefix first), compared with `memcmp`.
  static func bytesPrecede(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
    let common = min(left.count, right.count)
    let order = common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common)
    return order != 0 ? order < 0 : left.count < right.count
  }

  /// The canonical text of a number: Foundation's `Decimal` description (shortest plain
  /// form, no exponent, trailing fraction zeros dropped), pinned by `JSONTests`.
  public static func canonicalText(of value: Decimal) -> String {
    value.description
  }

  /// Whether `bytes` are printable ASCII with no quote or backslash: JSON string text as they
  /// are (ASCII is already NFC).
  static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.allSatisfy(isPlain)
  }

  /// Whether `byte` stands for itself inside JSON string text: printable ASCII, not a quote
  /// nor a backslash. Canonical strings made of such bytes are written, and read back, as is.
  static func isPlain(_ byte: UInt8) -> Bool {
    byte >= 0x20 && byte < 0x80 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
  }

  /// Appends `value` in NFC as a JSON string, escaping only what JSON requires.
  public static func writeString(_ value: String, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    // Fast path: ASCII (so already NFC) with nothing to escape, copied in one go.
    let copied = value.utf8.withContiguousStorageIfAvailable { bytes in
      guard isPlain(bytes) else { return false }
      output.append(contentsOf: bytes)
      return true
    }
    if copied == true {
      output.append(UInt8(ascii: "\""))
      return
    }
    let utf8 = CanonicalText.nfc(value).utf8
    if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
      output.append(contentsOf: utf8)
      output.append(UInt8(ascii: "\""))
      return
    }
    for byte in utf8 {
      switch byte {
      case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
      case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
      case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
      case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
      case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        output.append(contentsOf: "\\u00".utf8)
        output.append(hex[Int(byte >> 4)])
        output.append(hex[Int(byte & 0xF)])
      default: output.append(byte)
      }
    }
    output.append(UInt8(ascii: "\""))
  }
}
