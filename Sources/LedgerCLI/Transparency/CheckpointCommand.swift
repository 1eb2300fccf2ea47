import ArgumentParser
import Foundation
import LedgerCore
import LedgerStorage

/// `ledger checkpoint --key KEYFILE`: signs, prints and records the log's size and root.
struct CheckpointCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "checkpoint",
    abstract: "Sign a checkpoint of the log (its size and Merkle root), print it and record it.",
    discussion: Help.text(
      """
      The checkpoint is a C2SP tlog-checkpoint in a signed note: the origin, the tree size and \
      the base64 root hash, then a blank line and an Ed25519 signature line. Publish it \
      somewhere the ledger's writers cannot change (a witness, a ticket, e-mail): `ledger \
      verify --checkpoint FILE` then proves that the log extends it, and `ledger prove` gives \
      inclusion and consistency proofs against it. See docs/verifiable-log.md.
      """, example: "ledger checkpoint --key ops.key > checkpoint-2021-06-30.txt",
      exits: [.success, .usage, .dataError, .noInput, .ioError, .temporaryFailure])
  )

  @OptionGroup var database: DatabaseOptions

  @Option(help: "The signing key file (from ledger keygen).")
  var key: String

  @Option(help: "The origin line; default: the key's name.")
  var origin: String?

  func run() async throws {
    try await reportingFailures {
      let signer = try Self.signingKey(at: key)
      let log = try await database.openProvable(writing: true)
      do {
        let checkpoint = try await log.recordCheckpoint { size, root in
          try Checkpoint.signed(size: size, rootHash: root, key: signer, origin: origin)
        }
        print(checkpoint.note, terminator: "")
      } catch {
        throw CommandFailure.storage(error, path: database.resolvedPath)
      }
    }
  }

  static func signingKey(at path: String) throws -> NoteSigningKey {
    guard let data = InputFile.read(path) else {
      throw CommandFailure(status: .noInput, lines: ["\(path): cannot read the key file"])
    }
    do throws(NoteKeyError) {
      return try NoteSigningKey(parsing: String(decoding: data, as: UTF8.self))
    } catch {
      throw CommandFailure(status: .dataError, lines: ["\(path): \(error.reason)"])
    }
  }
}
