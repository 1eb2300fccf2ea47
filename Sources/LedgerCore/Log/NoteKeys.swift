import Crypto
internal import Foundation

/// An Ed25519 key that signs checkpoints, in the signed-note text form
/// `PRIVATE+KEY+<name>+<key hash>+<base64(0x01 ‖ 32-byte seed)>`.
public struct NoteSigningKey {
  /// The key's name, which signature lines carry.
  public let name: String
  private let key: Curve25519.Signing.PrivateKey

  /// A new random key named `name`.
  public init(generatingWithName name: String) throws(NoteKeyError) {
    try NoteKeyError.check(name: name)
    self.name = name
    self.key = Curve25519.Signing.PrivateKey()
  }

  /// Reads the text form.
  /// - Throws: ``NoteKeyError``.
  public init(parsing text: String) throws(NoteKeyError) {
    let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(
      separator: "+", maxSplits: 4, omittingEmptySubsequences: false)
    guard parts.count == 5, parts[0] == "PRIVATE", parts[1] == "KEY",
      let blob = Data(base64Encoded: String(parts[4])), blob.count == 33, blob.first == 0x01,
      let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: blob.dropFirst())
    else { throw NoteKeyError("not a signing key (PRIVATE+KEY+name+hash+key)") }
    self.name = String(parts[2])
    self.key = key
    guard NoteVerifierKey(name: name, publicKey: Array(key.publicKey.rawRepresentation)).keyHashHex == parts[3] else {
      throw NoteKeyError("the key hash \(parts[3]) does not match the key")
    }
  }

  /// The text form, to keep secret.
  public var text: String {
    "PRIVATE+KEY+\(name)+\(verifier.keyHashHex)+\(Data([0x01] + key.rawRepresentation).base64EncodedString())"
  }

  /// The matching verifier key.
  public var verifier: NoteVerifierKey {
    NoteVerifierKey(name: name, publicKey: Array(key.publicKey.rawRepresentation))
  }

  /// The 4-byte key hash signature lines start with.
  public var keyHash: [UInt8] { verifier.keyHash }

  func sign(_ message: [UInt8]) throws -> [UInt8] {
    Array(try key.signature(for: message))
  }
}

/// The public half of a ``NoteSigningKey``: `<name>+<key hash>+<base64(0x01 ‖ public key)>`.
public struct NoteVerifierKey: Equatable, Sendable {
  /// The key's name.
  public let name: String
  /// The 32-byte Ed25519 public key.
  public let publicKey: [UInt8]

  init(name: String, publicKey: [UInt8]) {
    self.name = name
    self.publicKey = publicKey
  }

  /// Reads the text form.
  /// - Throws: ``NoteKeyError``.
  public init(parsing text: String) throws(NoteKeyError) {
    let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(
      separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count == 3, let blob = Data(base64Encoded: String(parts[2])), blob.count == 33, blob.first == 0x01
    else {
      throw NoteKeyError("not a verifier key (name+hash+key)")
    }
    self.init(name: String(parts[0]), publicKey: Array(blob.dropFirst()))
    guard keyHashHex == parts[1] else { throw NoteKeyError("the key hash \(parts[1]) does not match the key") }
  }

  /// The text form, to publish.
  public var text: String { "\(name)+\(keyHashHex)+\(Data([0x01] + publicKey).base64EncodedString())" }

  /// The first four bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key).
  public var keyHash: [UInt8] {
    Array(SHA256.hash(data: Array(name.utf8) + [0x0A, 0x01] + publicKey).prefix(4))
  }

  /// ``keyHash`` as eight hex digits.
  public var keyHashHex: String { HashChain.hex(keyHash) }

  func isValid(signature: [UInt8], for message: [UInt8]) -> Bool {
    guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
    return key.isValidSignature(signature, for: message)
  }
}

/// A key file that cannot be read, or a name a key cannot have.
public struct NoteKeyError: Error, Equatable, CustomStringConvertible {
  /// What is wrong.
  public let reason: String

  /// Creates an error.
  public init(_ reason: String) {
    self.reason = reason
  }

  public var description: String { reason }

  static func check(name: String) throws(NoteKeyError) {
    guard !name.isEmpty, !name.contains("+"), !name.unicodeScalars.contains(where: { $0.properties.isWhitespace }),
      name.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F })
    else { throw NoteKeyError("a key name is non-empty, without spaces or '+': \"\(name)\"") }
  }
}
