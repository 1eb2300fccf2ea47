import Crypto

/// The SHA-256 hash chain over the log: each event's hash covers its canonical record and
/// the previous event's hash, so changing, removing or reordering any event breaks every
/// hash after it.
public enum HashChain {
  /// The "previous hash" of the first event: 32 zero bytes.
  public static let genesis = [UInt8](repeating: 0, count: 32)

  /// The hash of `record` following `previous`: SHA-256(previous ‖ canonical bytes).
  public static func link(previous: [UInt8], record: EventRecord) -> [UInt8] {
    link(previous: previous, canonical: record.canonicalBytes)
  }

  /// The hash following `previous` over a record's canonical bytes, computed once by a
  /// caller that also needs them for the Merkle leaf.
  public static func link(previous: [UInt8], canonical: [UInt8]) -> [UInt8] {
    var hasher = SHA256()
    hasher.update(data: previous)
    hasher.update(data: canonical)
    return hasher.finalize().bytes
  }

  /// Lowercase hexadecimal of a hash.
  public static func hex(_ hash: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(hash.count * 2)
    for byte in hash {
      out.append(hexDigit(byte >> 4))
      out.append(hexDigit(byte & 0xF))
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The lowercase hex digit of `nibble` (0…15), computed rather than read from a table (a
  /// static table is a lazy global, checked on every read).
  @inlinable
  package static func hexDigit(_ nibble: UInt8) -> UInt8 {
    nibble < 10 ? nibble &+ UInt8(ascii: "0") : nibble &+ (UInt8(ascii: "a") &- 10)
  }
}

extension SHA256.Digest {
  /// The digest's 32 bytes, copied in one go (`Array(digest)` goes byte by byte).
  var bytes: [UInt8] { withUnsafeBytes { Array($0) } }
}
