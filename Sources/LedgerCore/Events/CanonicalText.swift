internal import Foundation

/// The one form text takes in the ledger: Unicode NFC, and for what the ledger reads in,
/// no control characters and a bounded length.
///
/// Every string the ledger stores and hashes is NFC, so two spellings of one name (`café`
/// precomposed and `cafe` + U+0301) are one name, one stream and one set of bytes. Input is
/// normalised, never refused, for its spelling; it is refused for what no name should hold:
/// control characters (U+0000–U+001F, U+007F–U+009F), the bidirectional overrides and
/// isolates (U+202A–U+202E, U+2066–U+2069) and the line and paragraph separators (U+2028,
/// U+2029), which could make one name print as another. Identifiers also refuse leading or
/// trailing white space. Free text (an organization's `name`, a `reason`) may hold tabs and
/// line feeds, which every text output escapes.
public enum CanonicalText {
  /// What a field holds, which decides its rules.
  public enum Kind: Sendable {
    /// An id or a code: at most ``identifierLimit`` characters, one line, no edge spaces.
    case identifier
    /// Free text: at most ``textLimit`` characters; tabs and line feeds allowed.
    case text
  }

  /// The longest identifier, in Unicode scalars.
  public static let identifierLimit = 200
  /// The longest free text, in Unicode scalars.
  public static let textLimit = 4_000

  /// `text` in NFC (unchanged, and cheap, when it is ASCII).
  public static func nfc(_ text: String) -> String {
    if isASCII(text) { return text }
    return text.precomposedStringWithCanonicalMapping
  }

  /// Whether every byte of `text` is ASCII, read eight bytes at a time when the text is
  /// contiguous (as native strings are).
  package static func isASCII(_ text: String) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { bytes in
      let raw = UnsafeRawBufferPointer(bytes)
      var index = 0
      var seen: UInt64 = 0
      while index + 8 <= raw.count {
        seen |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        index += 8
      }
      while index < raw.count {
        seen |= UInt64(raw[index])
        index += 1
      }
      return seen & 0x8080_8080_8080_8080 == 0
    } ?? text.utf8.allSatisfy { $0 < 0x80 }
  }

  /// `text` in canonical form, or why it cannot be: `field` names it in the reason.
  /// - Throws: ``EventValidationError``.
  public static func canonical(_ text: String, field: String, kind: Kind) throws(EventValidationError) -> String {
    if isPlainASCII(text, kind: kind) { return text }
    let normalized = nfc(text)
    var count = 0
    for scalar in normalized.unicodeScalars {
      count += 1
      if let name = forbiddenName(scalar, kind: kind) {
        throw EventValidationError(
          "field \"\(field)\" contains \(name) (U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)))"
        )
      }
    }
    let limit = kind == .identifier ? identifierLimit : textLimit
    guard count <= limit else { throw EventValidationError("field \"\(field)\" is longer than \(limit) characters") }
    if kind == .identifier, let first = normalized.unicodeScalars.first, let last = normalized.unicodeScalars.last,
      first.properties.isWhitespace || last.properties.isWhitespace
    {
      throw EventValidationError("field \"\(field)\" starts or ends with white space")
    }
    return normalized
  }

  /// Whether `text` is already canonical for storage: NFC and free of NUL.
  public static func isStorable(_ text: String) -> Bool {
    if isASCII(text) { return !text.utf8.contains(0) }
    return !text.utf8.contains(0) && nfc(text).utf8.elementsEqual(text.utf8)
  }

  /// Whether `text` is printable ASCII (no control character) within the limit of `kind`
  /// and, for an identifier, without a space at either end: canonical as it is, with no
  /// scalar-by-scalar check.
  static func isPlainASCII(_ text: String, kind: Kind) -> Bool {
    let limit = kind == .identifier ? identifierLimit : textLimit
    return text.utf8.withContiguousStorageIfAvailable { bytes in
      guard bytes.count <= limit, bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return false }
      return kind != .identifier || (bytes.first != 0x20 && bytes.last != 0x20)
    } ?? false
  }

  /// The kind of character `scalar` is, when a field of `kind` may not hold it.
  static func forbiddenName(_ scalar: Unicode.Scalar, kind: Kind) -> String? {
    switch scalar.value {
    case 0x09, 0x0A: kind == .identifier ? "a control character" : nil
    case 0x00: "a NUL character"
    case 0x01...0x1F, 0x7F...0x9F: "a control character"
    case 0x202A...0x202E, 0x2066...0x2069: "a bidirectional control character"
    case 0x2028, 0x2029: "a line or paragraph separator"
    default: nil
    }
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
