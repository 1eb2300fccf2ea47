import ArgumentParser
import Foundation
import LedgerCore

/// `ledger keygen KEYFILE`: a new Ed25519 key pair for signing checkpoints.
struct KeygenCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "keygen",
    abstract: "Make an Ed25519 key pair for signing checkpoints: KEYFILE (secret) and KEYFILE.pub.",
    discussion: Help.text(
      """
      Both files use the signed-note text forms: KEYFILE holds PRIVATE+KEY+NAME+HASH+KEY and is \
      created readable by its owner only; KEYFILE.pub holds NAME+HASH+KEY, to publish beside \
      the checkpoints. An existing file is never overwritten (exit 73).
      """, example: "ledger keygen ops.key --name ledger.example.org", exits: [.success, .usage, .cannotCreate])
  )

  @Argument(help: "Where to write the secret key; the public key goes to KEYFILE.pub.")
  var keyFile: String

  @Option(help: "The key's name, also the default origin of its checkpoints (no spaces or '+').")
  var name = "membership-ledger"

  func run() async throws {
    try await reportingFailures {
      let key: NoteSigningKey
      do throws(NoteKeyError) {
        key = try NoteSigningKey(generatingWithName: name)
      } catch {
        throw ValidationError("--name: \(error.reason)")
      }
      try Self.create(keyFile, contents: key.text + "\n", mode: 0o600)
      try Self.create(keyFile + ".pub", contents: key.verifier.text + "\n", mode: 0o644)
      print("wrote \(keyFile) (secret) and \(keyFile).pub: \(key.verifier.text)")
    }
  }

  static func create(_ path: String, contents: String, mode: Int) throws {
    guard !FileManager.default.fileExists(atPath: path) else {
      throw CommandFailure(status: .cannotCreate, lines: ["\(path): already exists; not overwritten"])
    }
    guard
      FileManager.default.createFile(atPath: path, contents: Data(contents.utf8), attributes: [.posixPermissions: mode])
    else { throw CommandFailure(status: .cannotCreate, lines: ["\(path): cannot create the file"]) }
  }
}
