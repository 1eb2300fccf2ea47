/// A record's chain hash as the record holds it: a SHA-256 hash's 32 bytes inline (no array
/// per record read), or the bytes of any other length (an unsealed record's empty hash, the
/// hash of a row changed outside the ledger).
@usableFromInline
package enum PackedHash: Equatable, Sendable {
  /// 32 bytes, in memory order.
  case sha256(Words)
  /// Any other length.
  case bytes([UInt8])

  /// The 32 bytes of a SHA-256 hash, in memory order.
  @usableFromInline
  package struct Words: Equatable, Sendable {
    var a: UInt64 = 0
    var b: UInt64 = 0
    var c: UInt64 = 0
    var d: UInt64 = 0
  }

  /// Holds `bytes`, inline when there are 32.
  @inlinable
  package init(_ bytes: [UInt8]) {
    self = bytes.count == 32 ? bytes.withUnsafeBufferPointer(PackedHash.init(copying:)) : .bytes(bytes)
  }

  /// Holds a copy of `bytes`, inline when there are 32.
  @usableFromInline
  package init(copying bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count == 32 else {
      self = .bytes(Array(bytes))
      return
    }
    var words = Words()
    withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
    self = .sha256(words)
  }

  /// The hash's bytes.
  @usableFromInline
  package var bytes: [UInt8] {
    switch self {
    case .sha256(let words): Swift.withUnsafeBytes(of: words) { Array($0) }
    case .bytes(let bytes): bytes
    }
  }

  /// Calls `body` with the hash's bytes, copying nothing.
  package func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
    switch self {
    case .sha256(let words): try Swift.withUnsafeBytes(of: words, body)
    case .bytes(let bytes): try bytes.withUnsafeBytes(body)
    }
  }

  /// The number of bytes.
  package var count: Int {
    switch self {
    case .sha256: 32
    case .bytes(let bytes): bytes.count
    }
  }
}
