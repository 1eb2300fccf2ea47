import ArgumentParser
import Foundation
import LedgerCore
import LedgerStorage

/// `ledger verify`: recomputes the chain and the tree, compares what is stored beside them,
/// and proves the log extends each given checkpoint.
struct VerifyCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check the log: hash chain, Merkle tree, derived tables, and that it extends each given checkpoint.",
    discussion: Help.text(
      """
      Recomputes the SHA-256 chain and the Merkle tree from the events, compares every stored \
      tree node and the organization index with them, and names the first position that does \
      not match. With --checkpoint FILE (repeatable; a checkpoint published earlier), it also \
      proves the log is an append-only extension of each: truncation, deletion, rewriting and \
      forgery before a checkpoint's size are all found, even when the chain was recomputed to \
      match. With --key KEYFILE.pub each checkpoint's signature must verify too. Without a \
      checkpoint it says plainly what it cannot prove. Exit 0 when everything holds; 65 when \
      anything does not.
      """, example: "ledger verify --checkpoint cp-2021-06-30.txt --key ops.key.pub", exits: [0, 64, 65, 66, 74])
  )

  @OptionGroup var database: DatabaseOptions

  @Option(help: "A checkpoint the log must extend (repeatable).")
  var checkpoint: [String] = []

  @Option(help: "A verifier key (KEYFILE.pub): each checkpoint's signature must verify.")
  var key: String?

  @Flag(help: "Print one JSON object.")
  var json = false

  func run() async throws {
    try await reportingFailures {
      let verifier = try key.map(CheckpointFiles.verifierKey(at:))
      let given = try checkpoint.map { try CheckpointFiles.checkpoint(at: $0, key: verifier) }
      let log = try database.openForReading()
      let result: ChainVerification
      let recorded: [Checkpoint]
      do {
        recorded = try log.recordedCheckpoints()
        result = try log.verify(against: given + recorded)
      } catch {
        throw CommandFailure.storage(error, path: database.resolvedPath)
      }
      if json {
        print(
          String(
            decoding: Self.json(result, given: given.count, recorded: recorded.count).canonicalBytes, as: UTF8.self))
        if !result.isIntact { throw ExitCode(65) }
        return
      }
      if let mismatch = result.firstMismatch {
        throw CommandFailure(
          exitCode: 65,
          lines: ["\(database.resolvedPath): broken at position \(mismatch.position): \(mismatch.reason)"])
      }
      guard result.checkpointFailures.isEmpty else {
        throw CommandFailure(
          exitCode: 65,
          lines: result.checkpointFailures.map {
            "\(database.resolvedPath): does not extend the checkpoint of size \($0.size): \($0.reason)"
          })
      }
      print(
        "ok: \(result.eventCount) events, chain head \(HashChain.hex(result.headHash)), root \(Data(result.rootHash).base64EncodedString())"
      )
      for line in result.checked { print("checked: \(line)") }
      print(Self.proven(given: given, recorded: recorded.count, signed: verifier != nil))
    }
  }

  /// What the checkpoints let it prove, and what it cannot without one.
  static func proven(given: [Checkpoint], recorded: Int, signed: Bool) -> String {
    var lines: [String] = []
    if recorded > 0 { lines.append("checked: \(recorded) checkpoint(s) recorded in the ledger itself") }
    if given.isEmpty {
      lines.append(
        "not proven without a checkpoint: that no event was removed from the end, and that the file was not rewritten whole with every hash recomputed; give --checkpoint FILE published earlier"
      )
    } else {
      let sizes = given.map { "\($0.size)" }.joined(separator: ", ")
      lines.append(
        "proven: the log extends the given checkpoint(s) of size \(sizes); "
          + (signed ? "their signatures verify" : "signatures not checked (give --key KEYFILE.pub)"))
    }
    return lines.joined(separator: "\n")
  }

  static func json(_ result: ChainVerification, given: Int, recorded: Int) -> JSONValue {
    .object([
      ("ok", .bool(result.isIntact)), ("events", .number(Decimal(result.eventCount))),
      ("chainHead", .string(HashChain.hex(result.headHash))), ("rootHash", CheckpointFiles.base64(result.rootHash)),
      (
        "firstMismatch",
        result.firstMismatch.map {
          .object([("position", .number(Decimal($0.position))), ("reason", .string($0.reason))])
        }
          ?? .null
      ),
      (
        "checkpointFailures",
        .array(
          result.checkpointFailures.map {
            .object([("size", .number(Decimal($0.size))), ("reason", .string($0.reason))])
          })
      ),
      ("checked", .array(result.checked.map(JSONValue.string))),
      ("checkpointsGiven", .number(Decimal(given))), ("checkpointsRecorded", .number(Decimal(recorded))),
    ])
  }
}
