public import Crypto
import Foundation

/// A bearer token for the HTTP interface: `ledger.` + the actor's id in base64url + `.` + 32
/// random bytes in base64url. The actor part lets the server read the one stream that holds
/// the actor's tokens and roles; the secret part is what makes the token unguessable. The
/// ledger stores only the SHA-256 digest of the whole text.
public struct BearerToken: Equatable, Sendable {
  /// The actor the token names.
  public let actor: String
  /// The whole token, as the holder sends it.
  public let text: String

  /// A new token for `actor`, its secret drawn from the system's secure generator.
  public static func generate(for actor: String) -> BearerToken {
    var generator = SystemRandomNumberGenerator()
    let secret = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    let text = "\(prefix).\(base64URL(Array(actor.utf8))).\(base64URL(secret))"
    return BearerToken(actor: actor, text: text)
  }

  /// Reads a token sent by a client; `nil` when it is not in the ledger's form.
  public init?(parsing text: String) {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0] == Self.prefix, parts[2].utf8.count == 43,
      let actorBytes = Self.bytes(base64URL: parts[1]), let actor = String(validating: actorBytes, as: UTF8.self),
      !actor.isEmpty, Self.bytes(base64URL: parts[2]) != nil
    else { return nil }
    self.init(actor: actor, text: text)
  }

  private init(actor: String, text: String) {
    self.actor = actor
    self.text = text
  }

  /// The lowercase hex SHA-256 digest of the whole text, as the ledger records it.
  public var digest: String {
    SHA256.hash(data: Array(text.utf8)).map { byte in
      let digits = Array("0123456789abcdef".utf8)
      return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]], as: UTF8.self)
    }.joined()
  }

  /// The token's id: the first 16 hex digits of its digest.
  public var id: String { String(digest.prefix(16)) }

  static let prefix = "ledger"

  private static func base64URL(_ bytes: [UInt8]) -> String {
    Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
  }

  private static func bytes(base64URL text: Substring) -> [UInt8]? {
    guard text.utf8.allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "=") })
    else { return nil }
    var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    standard += String(repeating: "=", count: (4 - standard.utf8.count % 4) % 4)
    return Data(base64Encoded: standard).map { Array($0) }
  }
}
