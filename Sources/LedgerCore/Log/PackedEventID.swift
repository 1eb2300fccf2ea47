/// An event id as a record holds it: its text, or the 16 bytes of a canonical lowercase UUID
/// or of a digest's 32 lowercase hex digits with the digest's short prefix, made into text
/// only when someone asks for it.
///
/// A store that keeps ids packed hands them over packed, so reading a million rows makes no
/// heap string for ids nobody reads. Two values are equal when their texts are.
@usableFromInline
package enum PackedEventID: Sendable {
  /// Any id, as text.
  case text(String)
  /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`: its 16 bytes, big-endian, in two words.
  case uuid(UInt64, UInt64)
  /// A prefix of 1…15 bytes (kept inline, as a small string) followed by the 32 hex digits of
  /// 16 bytes, big-endian, in two words.
  case digest(prefix: String, UInt64, UInt64)

  /// The id of a store's packed bytes: 16 for a UUID, 16 and the prefix for a digest (any
  /// other length, which only a row changed outside the ledger has, is read the same way
  /// with the bytes past the 16th as its prefix).
  package init(packed bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count >= 16, bytes.count <= 31 else {
      self = .text(Self.text(prefix: UnsafeBufferPointer(rebasing: bytes.dropFirst(16)), hex: bytes.prefix(16)))
      return
    }
    var high: UInt64 = 0
    var low: UInt64 = 0
    for index in 0..<8 {
      high = high << 8 | UInt64(bytes[index])
      low = low << 8 | UInt64(bytes[8 + index])
    }
    self =
      bytes.count == 16
      ? .uuid(high, low)
      : .digest(prefix: String(decoding: UnsafeBufferPointer(rebasing: bytes[16...]), as: UTF8.self), high, low)
  }

  /// The id's text.
  @usableFromInline
  package var text: String {
    switch self {
    case .text(let text): return text
    case .uuid(let high, let low):
      return Self.withBytes(high, low) { bytes in
        String(unsafeUninitializedCapacity: 36) { out in
          var index = 0
          for (offset, byte) in bytes.enumerated() {
            if offset == 4 || offset == 6 || offset == 8 || offset == 10 {
              out[index] = UInt8(ascii: "-")
              index += 1
            }
            out[index] = HashChain.hexDigit(byte >> 4)
            out[index + 1] = HashChain.hexDigit(byte & 0xF)
            index += 2
          }
          return index
        }
      }
    case .digest(var prefix, let high, let low):
      return prefix.withUTF8 { prefix in Self.withBytes(high, low) { Self.text(prefix: prefix, hex: $0[...]) } }
    }
  }

  /// Calls `body` with the 16 bytes held big-endian in `high` and `low`.
  private static func withBytes<Result>(
    _ high: UInt64, _ low: UInt64, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    withUnsafeBytes(of: (high.bigEndian, low.bigEndian)) { body($0.bindMemory(to: UInt8.self)) }
  }

  /// `prefix` then the hex digits of `hex`: the text of a digest id, or of a packed id of an
  /// unusual length.
  private static func text(prefix: UnsafeBufferPointer<UInt8>, hex: Slice<UnsafeBufferPointer<UInt8>>) -> String {
    String(unsafeUninitializedCapacity: prefix.count + 2 * hex.count) { out in
      for index in prefix.indices { out[index] = prefix[index] }
      for (offset, byte) in hex.enumerated() {
        out[prefix.count + 2 * offset] = HashChain.hexDigit(byte >> 4)
        out[prefix.count + 2 * offset + 1] = HashChain.hexDigit(byte & 0xF)
      }
      return prefix.count + 2 * hex.count
    }
  }
}

extension PackedEventID: Equatable {
  @usableFromInline
  package static func == (lhs: PackedEventID, rhs: PackedEventID) -> Bool {
    switch (lhs, rhs) {
    case (.uuid(let a, let b), .uuid(let c, let d)): a == c && b == d
    case (.digest(let p, let a, let b), .digest(let q, let c, let d)): a == c && b == d && p == q
    case (.text(let a), .text(let b)): a == b
    // A packed id and a text can name the same id (a record made from text, read back packed).
    default: lhs.text == rhs.text
    }
  }
}
