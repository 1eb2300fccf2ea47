import Foundation
import LedgerCore
import LedgerStorage
import LedgerTestSupport
import Testing

/// keygen, checkpoint, prove and verify --checkpoint, as an operator and an auditor use them.
struct TransparencyCommandTests {
  let directory = TemporaryDirectory()
  var db: String { directory.file("demo.sqlite") }

  /// The demo ledger, a key pair and a checkpoint of the demo's 82 events.
  func published() throws -> (key: String, checkpoint: String) {
    #expect(try LedgerProcess.run(["demo", "--db", db], in: directory).status == 0)
    let key = directory.file("ops.key")
    #expect(try LedgerProcess.run(["keygen", key, "--name", "ledger.test"], in: directory).status == 0)
    let signed = try LedgerProcess.run(["checkpoint", "--db", db, "--key", key], in: directory)
    #expect(signed.status == 0, "\(signed.stderr)")
    return (key, directory.write("cp.txt", signed.stdout))
  }

  @Test func aKeyPairIsWrittenOnceWithTheSecretKeptPrivate() throws {
    let key = directory.file("ops.key")
    #expect(try LedgerProcess.run(["keygen", key], in: directory).status == 0)
    let mode = try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    #expect(try String(contentsOfFile: key, encoding: .utf8).hasPrefix("PRIVATE+KEY+membership-ledger+"))
    #expect(try String(contentsOfFile: key + ".pub", encoding: .utf8).hasPrefix("membership-ledger+"))
    let again = try LedgerProcess.run(["keygen", key], in: directory)
    #expect(again.status == 73)
    #expect(again.stderr == "\(key): already exists; not overwritten\n")
  }

  @Test func aCheckpointIsASignedNoteThatVerifySaysItProves() throws {
    let (key, checkpoint) = try published()
    let note = try String(contentsOfFile: checkpoint, encoding: .utf8)
    let lines = note.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(
      lines[0] == "ledger.test" && lines[1] == "82" && lines[3] == "" && lines[4].hasPrefix("\u{2014} ledger.test "))
    let verified = try LedgerProcess.run(
      ["verify", "--db", db, "--checkpoint", checkpoint, "--key", key + ".pub"], in: directory)
    #expect(verified.status == 0, "\(verified.stderr)")
    #expect(
      verified.stdout.contains("proven: the log extends the given checkpoint(s) of size 82; their signatures verify"))
    let bare = try LedgerProcess.run(["verify", "--db", db], in: directory)
    #expect(bare.stdout.contains("not proven without a checkpoint: that no event was removed from the end"))
    #expect(bare.stdout.contains("checked: org_streams: rebuilt from the events and compared"))
  }

  @Test func anInclusionProofVerifiesAgainstTheCheckpointsRoot() throws {
    let (key, checkpoint) = try published()
    #expect(
      try LedgerProcess.run(["append", "--db", db], stdin: Data(CheckedAppendTests.enrol.utf8), in: directory).status
        == 0)
    let proved = try LedgerProcess.run(
      ["prove", "demo-031", "--db", db, "--checkpoint", checkpoint, "--key", key + ".pub"], in: directory)
    #expect(proved.status == 0, "\(proved.stderr)")
    guard case .object(let members) = try JSONParser.parse(Array(proved.stdout.utf8)) else { return }
    func value(_ key: String) -> JSONValue? { members.first { $0.key == key }?.value }
    func bytes(_ value: JSONValue?) -> [UInt8] {
      if case .string(let text)? = value { return Array(Data(base64Encoded: text) ?? Data()) }
      return []
    }
    guard case .array(let hashes)? = value("hashes") else { return }
    let read = try Checkpoint(parsing: try String(contentsOfFile: checkpoint, encoding: .utf8))
    #expect(value("treeSize") == .number(82) && value("position") == .number(31))
    #expect(
      MerkleTree.verifyInclusion(
        leaf: MerkleTree.leafHash(bytes(value("leaf"))), index: 30, size: 82, proof: hashes.map { bytes($0) },
        root: read.rootHash))
    #expect(String(decoding: bytes(value("leaf")), as: UTF8.self).contains(#""id":"demo-031""#))
  }

  @Test func aTruncationAfterTheCheckpointIsFoundAndNamed() throws {
    let (key, checkpoint) = try published()
    let raw = try SQLiteConnection(path: db, mode: .existing)
    try raw.execute(
      "DROP TRIGGER events_refuse_delete; DROP TRIGGER org_streams_refuse_delete; DELETE FROM checkpoints; DELETE FROM events WHERE position = 82"
    )
    let verified = try LedgerProcess.run(
      ["verify", "--db", db, "--checkpoint", checkpoint, "--key", key + ".pub"], in: directory)
    #expect(verified.status == 65)
    #expect(
      verified.stderr.contains("does not extend the checkpoint of size 82") || verified.stderr.contains("broken at"))
  }

  @Test func aCheckpointSignedByAnotherKeyIsRefused() throws {
    let (_, checkpoint) = try published()
    let other = directory.file("other.key")
    #expect(try LedgerProcess.run(["keygen", other, "--name", "ledger.test"], in: directory).status == 0)
    let refused = try LedgerProcess.run(
      ["verify", "--db", db, "--checkpoint", checkpoint, "--key", other + ".pub"], in: directory)
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("no valid signature by ledger.test"))
  }

  @Test func answersNameThePositionAndRootTheyWereComputedAt() throws {
    let (_, checkpoint) = try published()
    let read = try Checkpoint(parsing: try String(contentsOfFile: checkpoint, encoding: .utf8))
    let root = JSONValue.string(Data(read.rootHash).base64EncodedString())
    for arguments in [
      ["status", "contoso", "--as-of", "2020-07-01"],
      ["explain", "contoso", "cloud-platform", "--as-of", "2020-07-01"],
    ] {
      let answer = try LedgerProcess.run(arguments + ["--db", db, "--json"], in: directory)
      guard case .object(let members) = try JSONParser.parse(Array(answer.stdout.utf8)) else { return }
      #expect(members.first { $0.key == "rootHash" }?.value == root, "\(arguments[0])")
      #expect(members.first { $0.key == "knownAtPosition" }?.value == .number(82))
    }
    for arguments in [["history", "contoso", "--to", "2021-12-31"], ["alerts", "--to", "2021-12-31"]] {
      let answer = try LedgerProcess.run(arguments + ["--db", db, "--json"], in: directory)
      let lines = answer.stdout.split(separator: "\n")
      #expect(!lines.isEmpty)
      #expect(lines.allSatisfy { $0.contains(#""rootHash":"\#(Data(read.rootHash).base64EncodedString())""#) })
    }
  }
}
