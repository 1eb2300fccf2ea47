import Crypto
internal import Foundation

/// A signed statement of the log's size and Merkle root, in the C2SP `tlog-checkpoint`
/// format inside a C2SP `signed-note`:
///
/// ```
/// membership-ledger
/// 82
/// DeGAqg0bwfz3ekk2M+Hn4cXRmGs71GYdE2Ub4jaG0rY=
///
/// — membership-ledger Zq+5ab…base64 of key hash ‖ Ed25519 signature…
/// ```
///
/// The body is the origin line, the tree size in decimal and the root hash in standard
/// base64, each ending in a newline; the signature line signs exactly the body's bytes.
/// An operator publishes checkpoints elsewhere (a witness, a ticket, e-mail); whoever holds
/// an earlier one can check that today's log extends it.
public struct Checkpoint: Equatable, Sendable {
  /// The log's name (the origin line).
  public let origin: String
  /// How many events the tree covers.
  public let size: Int64
  /// The tree's root.
  public let rootHash: MerkleTree.Hash
  /// The whole note as written, signatures included.
  public let note: String

  /// The body the signatures cover.
  public var body: String { Self.body(origin: origin, size: size, rootHash: rootHash) }

  static func body(origin: String, size: Int64, rootHash: MerkleTree.Hash) -> String {
    "\(origin)\n\(size)\n\(Data(rootHash).base64EncodedString())\n"
  }

  /// Signs a checkpoint of the tree of `size` events with root `rootHash` as `key`, its
  /// origin being the key's name unless given.
  public static func signed(
    size: Int64, rootHash: MerkleTree.Hash, key: NoteSigningKey, origin: String? = nil
  )
    throws -> Checkpoint
  {
    let origin = origin ?? key.name
    let body = body(origin: origin, size: size, rootHash: rootHash)
    let signature = try key.sign(Array(body.utf8))
    let note = body + "\n" + "\u{2014} \(key.name) \(Data(key.keyHash + signature).base64EncodedString())\n"
    return Checkpoint(origin: origin, size: size, rootHash: rootHash, note: note)
  }

  /// Reads a checkpoint note; with `key`, its signature by that key must verify.
  /// - Throws: ``CheckpointError`` naming what is wrong.
  public init(parsing note: String, key: NoteVerifierKey? = nil) throws(CheckpointError) {
    guard let split = note.range(of: "\n\n") else {
      throw CheckpointError("not a signed note: no blank line before the signatures")
    }
    let body = String(note[..<split.lowerBound]) + "\n"
    let lines = body.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    guard lines.count >= 3 else { throw CheckpointError("a checkpoint needs an origin, a size and a root hash") }
    guard let size = Int64(lines[1]), size >= 0, String(size) == lines[1] else {
      throw CheckpointError("tree size \"\(lines[1])\" is not a decimal number")
    }
    guard let root = Data(base64Encoded: String(lines[2])), root.count == 32 else {
      throw CheckpointError("root hash \"\(lines[2])\" is not 32 bytes of base64")
    }
    self.origin = String(lines[0])
    self.size = size
    self.rootHash = Array(root)
    self.note = note
    if let key {
      let signatures = note[split.upperBound...].split(separator: "\n")
      let verified = signatures.contains { line in
        let parts = line.split(separator: " ")
        guard parts.count == 3, parts[0] == "\u{2014}", parts[1] == key.name,
          let blob = Data(base64Encoded: String(parts[2])), blob.count == 68, Array(blob.prefix(4)) == key.keyHash
        else { return false }
        return key.isValid(signature: Array(blob.dropFirst(4)), for: Array(body.utf8))
      }
      guard verified else { throw CheckpointError("no valid signature by \(key.name) (\(key.keyHashHex))") }
    }
  }

  /// Creates a checkpoint from its parts (a note that was verified elsewhere).
  public init(origin: String, size: Int64, rootHash: MerkleTree.Hash, note: String) {
    self.origin = origin
    self.size = size
    self.rootHash = rootHash
    self.note = note
  }
}

/// A checkpoint note that cannot be read or whose signature does not verify.
public struct CheckpointError: Error, Equatable, CustomStringConvertible {
  /// What is wrong.
  public let reason: String

  /// Creates an error.
  public init(_ reason: String) {
    self.reason = reason
  }

  public var description: String { reason }
}
