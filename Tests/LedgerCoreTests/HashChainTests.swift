import LedgerCore
import LedgerTestSupport
import Testing

struct HashChainTests {
  static let base = EventRecord(
    position: 7, id: "e7", stream: .organization("contoso"), streamVersion: 2, typeName: "MembershipPurchased",
    schemaVersion: 1, effective: Samples.date("2021-01-15"), recorded: RecordedInstant(microseconds: 42),
    actor: Actor(id: "admin", role: "global-admin"), corrects: nil, reason: nil,
    payload: Array(#"{"level":"gold","org":"contoso"}"#.utf8), hash: [])

  static let changes: [(String, @Sendable (inout EventRecord) -> Void)] = [
    ("position", { $0.position = 8 }), ("id", { $0.id = "e8" }), ("stream", { $0.stream = .organization("x") }),
    ("version", { $0.streamVersion = 3 }), ("type", { $0.typeName = "MembershipRenewed" }),
    ("schema", { $0.schemaVersion = 2 }), ("effective", { $0.effective = Samples.date("2021-01-16") }),
    ("recorded", { $0.recorded = RecordedInstant(microseconds: 43) }), ("actor", { $0.actor = nil }),
    ("role", { $0.actor = Actor(id: "admin") }), ("corrects", { $0.corrects = "e1" }), ("reason", { $0.reason = "r" }),
    ("payload", { $0.payload = Array(#"{"level":"silver","org":"contoso"}"#.utf8) }),
  ]

  @Test(arguments: changes.map(\.0))
  func everyStoredFieldIsCoveredByTheHash(field: String) {
    var changed = HashChainTests.base
    HashChainTests.changes.first { $0.0 == field }!.1(&changed)
    let original = HashChain.link(previous: HashChain.genesis, record: HashChainTests.base)
    #expect(HashChain.link(previous: HashChain.genesis, record: changed) != original)
  }

  @Test func theHashDependsOnThePreviousHash() {
    let first = HashChain.link(previous: HashChain.genesis, record: HashChainTests.base)
    let second = HashChain.link(previous: first, record: HashChainTests.base)
    #expect(first != second)
    #expect(first.count == 32)
    #expect(HashChain.hex(first).count == 64)
  }

  @Test func theCanonicalRecordIsSortedJSON() throws {
    let value = try JSONParser.parse(HashChainTests.base.canonicalBytes)
    #expect(value.canonicalBytes == HashChainTests.base.canonicalBytes)
    #expect(value["payload"]?["level"] == .string("gold"))
  }
}
