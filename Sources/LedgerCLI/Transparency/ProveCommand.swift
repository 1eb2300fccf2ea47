import ArgumentParser
import Foundation
import LedgerCore
import LedgerStorage

/// `ledger prove EVENT-ID|POSITION`: an inclusion proof; `--consistency-from`: a consistency proof.
struct ProveCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "prove",
    abstract: "Print an inclusion proof for one event, or a consistency proof between two tree sizes, as JSON.",
    discussion: Help.text(
      """
      Against --checkpoint FILE the proof is for the checkpoint's tree (whose root the log \
      must still give, else exit 65); without it, for the tree at the head. An inclusion \
      proof carries the event's canonical record (the leaf, base64), its index, the tree size, \
      the root and the audit path (RFC 9162); a consistency proof (--consistency-from OLD) \
      shows OLD's tree to be a prefix of the newer one. tools/verifier checks either without \
      this program.
      """, example: "ledger prove demo-031 --checkpoint cp.txt --key ops.key.pub > proof.json",
      exits: [.success, .usage, .dataError, .noInput, .ioError])
  )

  @OptionGroup var database: DatabaseOptions

  @Argument(help: "The event's id, or its position.")
  var event: String?

  @Option(help: "Prove against this checkpoint's tree instead of the head.")
  var checkpoint: String?

  @Option(name: .customLong("consistency-from"), help: "Prove that this older checkpoint's tree is a prefix.")
  var consistencyFrom: String?

  @Option(help: "A verifier key (KEYFILE.pub): checkpoints must carry its signature.")
  var key: String?

  func validate() throws {
    guard (event == nil) != (consistencyFrom == nil) else {
      throw ValidationError("give an event id or position, or --consistency-from FILE (one of them)")
    }
  }

  func run() async throws {
    try await reportingFailures {
      let verifier = try key.map(CheckpointFiles.verifierKey(at:))
      let log = try await database.openProvable(writing: false)
      do {
        let target = try checkpoint.map { try CheckpointFiles.checkpoint(at: $0, key: verifier) }
        var size = target?.size ?? 0
        if target == nil { size = try await log.headPosition() }
        let root = try await Self.root(of: log, size: size, checkpoint: target)
        let proof: JSONValue
        if let consistencyFrom {
          proof = try await Self.consistency(
            log, from: try CheckpointFiles.checkpoint(at: consistencyFrom, key: verifier), to: size, root: root)
        } else {
          proof = try await Self.inclusion(
            log, of: try await Self.position(of: event ?? "", in: log, size: size), size: size, root: root)
        }
        print(String(decoding: proof.canonicalBytes, as: UTF8.self))
      } catch {
        throw CommandFailure.storage(error, path: database.resolvedPath)
      }
    }
  }

  /// The root at `size`, which must be the checkpoint's when one is given.
  static func root(of log: any ProvableLog, size: Int64, checkpoint: Checkpoint?) async throws -> MerkleTree.Hash {
    guard size <= (try await log.headPosition()) else {
      throw CommandFailure(
        status: .dataError, lines: ["the log holds fewer events than the checkpoint's \(size): it does not extend it"])
    }
    let root = try await log.treeRoot(size: size)
    if let checkpoint, checkpoint.rootHash != root {
      throw CommandFailure(
        status: .dataError,
        lines: ["the log's first \(size) events do not give the checkpoint's root: it does not extend it"]
      )
    }
    return root
  }

  static func position(of event: String, in log: any ProvableLog, size: Int64) async throws -> Int64 {
    var position = Int64(event)
    if position == nil { position = try await log.position(ofEventID: event) }
    guard let position, position >= 1, position <= size else {
      throw CommandFailure(status: .dataError, lines: ["\(event): no such event in the tree of \(size) events"])
    }
    return position
  }

  static func inclusion(
    _ log: any ProvableLog, of position: Int64, size: Int64, root: MerkleTree.Hash
  ) async throws
    -> JSONValue
  {
    let (leaf, path) = try await log.inclusionProof(position: position, size: size)
    let leafHash = MerkleTree.leafHash(leaf)
    guard MerkleTree.verifyInclusion(leaf: leafHash, index: position - 1, size: size, proof: path, root: root) else {
      throw CommandFailure(status: .software, lines: ["the computed inclusion proof does not verify"])
    }
    return .object([
      ("kind", .string("inclusion")), ("position", .number(Decimal(position))),
      ("leafIndex", .number(Decimal(position - 1))), ("treeSize", .number(Decimal(size))),
      ("rootHash", CheckpointFiles.base64(root)), ("leaf", CheckpointFiles.base64(leaf)),
      ("leafHash", CheckpointFiles.base64(leafHash)), ("hashes", .array(path.map(CheckpointFiles.base64))),
    ])
  }

  static func consistency(
    _ log: any ProvableLog, from old: Checkpoint, to size: Int64, root: MerkleTree.Hash
  ) async throws
    -> JSONValue
  {
    guard old.size >= 1, old.size <= size else {
      throw CommandFailure(
        status: .dataError, lines: ["the older checkpoint's size \(old.size) is not within 1…\(size)"])
    }
    let oldRoot = try await Self.root(of: log, size: old.size, checkpoint: old)
    let path = try await log.consistencyProof(oldSize: old.size, newSize: size)
    guard
      MerkleTree.verifyConsistency(oldSize: old.size, newSize: size, proof: path, oldRoot: oldRoot, newRoot: root)
    else { throw CommandFailure(status: .software, lines: ["the computed consistency proof does not verify"]) }
    return .object([
      ("kind", .string("consistency")), ("oldSize", .number(Decimal(old.size))), ("newSize", .number(Decimal(size))),
      ("oldRoot", CheckpointFiles.base64(oldRoot)), ("newRoot", CheckpointFiles.base64(root)),
      ("hashes", .array(path.map(CheckpointFiles.base64))),
    ])
  }
}
