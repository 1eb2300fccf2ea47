import Foundation
public import LedgerCore

/// What `ledger verify` found, in words and as JSON.
public enum VerificationDocument {
  /// What the checkpoints let it prove, and what it cannot without one.
  public static func proven(given: [Checkpoint], recorded: Int, signed: Bool) -> String {
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

  /// The result as one JSON object.
  public static func json(_ result: ChainVerification, given: Int, recorded: Int) -> JSONValue {
    .object([
      ("ok", .bool(result.isIntact)), ("events", .number(Decimal(result.eventCount))),
      ("chainHead", .string(HashChain.hex(result.headHash))),
      ("rootHash", .string(Data(result.rootHash).base64EncodedString())),
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
