import Foundation
import LedgerCore

/// Reading checkpoint notes and verifier keys from files, with the CLI's errors.
enum CheckpointFiles {
  /// The verifier key at `path`; exit 66 when unreadable, 65 when malformed.
  static func verifierKey(at path: String) throws -> NoteVerifierKey {
    guard let data = InputFile.read(path) else {
      throw CommandFailure(status: .noInput, lines: ["\(path): cannot read the key file"])
    }
    do throws(NoteKeyError) {
      return try NoteVerifierKey(parsing: String(decoding: data, as: UTF8.self))
    } catch {
      throw CommandFailure(status: .dataError, lines: ["\(path): \(error.reason)"])
    }
  }

  /// The checkpoint at `path`, its signature checked when `key` is given.
  static func checkpoint(at path: String, key: NoteVerifierKey?) throws -> Checkpoint {
    guard let data = InputFile.read(path) else {
      throw CommandFailure(status: .noInput, lines: ["\(path): cannot read the checkpoint"])
    }
    do throws(CheckpointError) {
      return try Checkpoint(parsing: String(decoding: data, as: UTF8.self), key: key)
    } catch {
      throw CommandFailure(status: .dataError, lines: ["\(path): \(error.reason)"])
    }
  }

  /// Standard base64 of a hash, as checkpoints and proofs carry it.
  static func base64(_ bytes: [UInt8]) -> JSONValue { .string(Data(bytes).base64EncodedString()) }
}
