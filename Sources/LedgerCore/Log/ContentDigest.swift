import Crypto

/// Ids derived from content: the same content always gives the same id, so re-importing a
/// row or recomputing an alert names it the same way.
public enum ContentDigest {
  /// `prefix` followed by the first `length` hex digits of the SHA-256 of `bytes`.
  public static func id(_ prefix: String, of bytes: [UInt8], length: Int = 32) -> String {
    prefix + HashChain.hex(Array(SHA256.hash(data: bytes))).prefix(length)
  }
}
