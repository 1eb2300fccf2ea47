import ArgumentParser
import Foundation
import LedgerCore
import LedgerPresentation
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
      """, example: "ledger verify --checkpoint cp-2021-06-30.txt --key ops.key.pub",
      exits: [.success, .usage, .dataError, .noInput, .ioError])
  )

  @OptionGroup var database: DatabaseOptions

  @Option(help: "A checkpoint the log must extend (repeatable).")
  var checkpoint: [String] = []

  @Option(help: "A verifier key (KEYFILE.pub): each checkpoint's signature must verify.")
  var key: String?

  @Flag(help: "Show no progress on the terminal.")
  var quiet = false

  @Flag(help: "Print one JSON object.")
  var json = false

  func run() async throws {
    try await reportingFailures {
      let verifier = try key.map(CheckpointFiles.verifierKey(at:))
      let given = try checkpoint.map { try CheckpointFiles.checkpoint(at: $0, key: verifier) }
      let log = try await database.openLogForReading()
      let result: ChainVerification
      let recorded: [Checkpoint]
      do {
        recorded = try await (log as? any ProvableLog)?.recordedCheckpoints() ?? []
        let progress = ProgressLine(command: "verify", quiet: quiet)
        defer { progress.finish() }
        let head = Int(try await log.headPosition())
        result = try await log.verify(against: given + recorded) {
          progress.update("checked", Int($0), of: head, unit: "events")
        }
      } catch {
        throw CommandFailure.storage(error, path: database.resolvedPath)
      }
      if json {
        print(
          String(
            decoding: VerificationDocument.json(result, given: given.count, recorded: recorded.count).canonicalBytes,
            as: UTF8.self))
        if !result.isIntact { throw ExitStatus.dataError.exitCode }
        return
      }
      if let mismatch = result.firstMismatch {
        throw CommandFailure(
          status: .dataError,
          lines: ["\(database.resolvedPath): broken at position \(mismatch.position): \(mismatch.reason)"])
      }
      guard result.checkpointFailures.isEmpty else {
        throw CommandFailure(
          status: .dataError,
          lines: result.checkpointFailures.map {
            "\(database.resolvedPath): does not extend the checkpoint of size \($0.size): \($0.reason)"
          })
      }
      print(
        "ok: \(result.eventCount) events, chain head \(HashChain.hex(result.headHash)), root \(Data(result.rootHash).base64EncodedString())"
      )
      for line in result.checked { print("checked: \(line)") }
      print(VerificationDocument.proven(given: given, recorded: recorded.count, signed: verifier != nil))
    }
  }

}
