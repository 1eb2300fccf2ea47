import ArgumentParser
import Foundation
import LedgerCore
import LedgerPresentation

/// `ledger copy`: copies a ledger to a new database, on the same backend or another, and
/// proves the copy.
struct CopyCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "copy", abstract: "Copy a ledger into a new database (SQLite ↔ PostgreSQL), then verify it.",
    discussion: Help.text(
      """
      Every record is copied as it is stored, voided ones included: positions, ids, recorded \
      instants and hashes stay, so the copy verifies against the original's checkpoints and \
      answers every question as the original does. SOURCE and TARGET are positional, as for cp \
      (--from and --to are effective dates in every command). The target must hold no event; the copy is \
      one transaction (all or nothing). The target is then verified from its first event, and \
      its Merkle root compared with the original's. Read models, delivery progress and recorded \
      checkpoints are not copied: the first two are derived, and the copy folds its own; give the \
      published checkpoint files to verify --checkpoint.
      """, example: "ledger copy ledger.sqlite postgres://ledger@db.internal/ledger",
      exits: [.success, .usage, .dataError, .noInput, .ioError, .cannotCreate]))

  @Argument(help: "The ledger to copy: a SQLite file or a postgres:// URL.") var source: String
  @Argument(help: "The new ledger: a SQLite file or a postgres:// URL, holding no event.") var target: String
  @Flag(help: "Print one JSON object.") var json = false

  func run() async throws {
    try await reportingFailures {
      let log = try await DatabaseOptions.openLog(at: source, writing: false)
      let opened = try await DatabaseOptions.openLog(at: target, writing: true)
      guard let copy = opened as? any VerbatimAppending else {
        throw CommandFailure(status: .software, lines: ["\(target): this backend cannot take a copy"])
      }
      let copied: Int64
      let verification: ChainVerification
      let root: MerkleTree.Hash
      do {
        let held = try await copy.headPosition()
        guard held == 0 else {
          throw CommandFailure(
            status: .cannotCreate, lines: ["\(target): already holds \(held) events; copy into a new ledger"])
        }
        copied = try await Self.copy(from: log, to: copy)
      } catch let failure as CommandFailure {
        throw failure
      } catch {
        throw CommandFailure.storage(error, path: target)
      }
      do {
        verification = try await copy.verify()
        root = try await log.treeRoot(size: copied)
      } catch {
        throw CommandFailure.storage(error, path: target)
      }
      guard verification.isIntact, verification.eventCount == copied, verification.rootHash == root else {
        let reason = verification.firstMismatch.map { "position \($0.position): \($0.reason)" } ?? "its root differs"
        throw CommandFailure(status: .dataError, lines: ["\(target): the copy does not verify: \(reason)"])
      }
      let rootHash = Data(root).base64EncodedString()
      if json {
        let document: JSONValue = .object([
          ("copied", .number(Decimal(copied))), ("source", .string(source)), ("target", .string(target)),
          ("rootHash", .string(rootHash)),
          ("intact", .bool(true)),
        ])
        print(String(decoding: document.canonicalBytes, as: UTF8.self))
      } else {
        print("copied \(copied) events from \(source) to \(target); verified, root \(rootHash)")
      }
    }
  }

  /// Copies every record in batches, all in one transaction of the target.
  /// - Returns: how many records were copied.
  private static func copy(from source: any EventLog, to target: any VerbatimAppending) async throws -> Int64 {
    try await target.inOneTransaction {
      var batch: [EventRecord] = []
      var copied: Int64 = 0
      try await source.forEachEntry(from: 1) { entry in
        batch.append(entry.record)
        if batch.count == 8_192 {
          try await target.appendVerbatim(batch)
          copied += Int64(batch.count)
          batch.removeAll(keepingCapacity: true)
        }
      }
      try await target.appendVerbatim(batch)
      return copied + Int64(batch.count)
    }
  }
}
