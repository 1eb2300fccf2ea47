import Foundation
import LedgerCore

/// What an answer rests on: the position it was computed at and the Merkle root of the log
/// up to there, so the answer can be tied to a checkpoint of that size later
/// (`ledger prove … --checkpoint`).
struct AnswerGround {
  /// The known-at position.
  let position: Int64
  /// The tree root at that position.
  let rootHash: MerkleTree.Hash

  /// The ground of an answer computed at `position` of `log`.
  init(log: any EventLog, position: Int64) async throws {
    self.position = position
    self.rootHash = try await log.treeRoot(size: position)
  }

  /// `document` (a JSON object) with `knownAtPosition` and `rootHash` (base64) added.
  func adding(to document: JSONValue) -> JSONValue {
    guard case .object(var members) = document else { return document }
    members.removeAll { $0.key == "knownAtPosition" || $0.key == "rootHash" }
    members.append(("knownAtPosition", .number(Decimal(position))))
    members.append(("rootHash", .string(Data(rootHash).base64EncodedString())))
    return .object(members)
  }
}
