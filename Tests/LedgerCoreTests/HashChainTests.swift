import Foundation
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

  /// Records whose fields take every path of the canonical writer: missing and present
  /// optionals, text to escape or normalize, streams of every kind.
  static let variants: [EventRecord] = {
    var records: [EventRecord] = []
    let actors: [Actor?] = [
      nil, Actor(id: "admin"), Actor(id: "admin", role: "global-admin"), Actor(id: "zoe\u{0308}"),
    ]
    let streams: [StreamName] = [
      .organization("contoso"), .individual("ind-000123-with-a-long-id"), .actor("a\"b"), .individual("back\\slash"),
      .organization("n\u{0303}andu"), .individual("tab\there"),
    ]
    for (offset, stream) in streams.enumerated() {
      var record = base
      record.stream = stream
      record.actor = actors[offset % actors.count]
      record.position = Int64(offset) * 1_000_003
      record.recorded = RecordedInstant(microseconds: 1_614_816_000_000_000 + Int64(offset))
      record.corrects = offset.isMultiple(of: 2) ? nil : "e\(offset)"
      record.reason = offset == 3 ? "line one\nline \"two\"" : nil
      record.writer = offset.isMultiple(of: 3) ? "importer" : nil
      record.unchecked = offset == 4
      records.append(record)
    }
    return records
  }()

  @Test(arguments: variants)
  func theCanonicalRecordIsTheCanonicalJSONOfItsFields(record: EventRecord) throws {
    func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    var members: [(key: String, value: JSONValue)] = [
      ("actor", record.actor?.json ?? .null), ("corrects", text(record.corrects)),
      ("effective", .string(record.effective.description)), ("id", .string(record.id)),
      ("payload", try JSONParser.parse(record.payload)), ("position", .number(Decimal(record.position))),
      ("reason", text(record.reason)), ("recorded", .number(Decimal(record.recorded.microseconds))),
      ("schemaVersion", .number(Decimal(record.schemaVersion))), ("stream", .string(record.stream.description)),
      ("streamVersion", .number(Decimal(record.streamVersion))), ("type", .string(record.typeName)),
    ]
    if record.unchecked { members.append(("unchecked", .bool(true))) }
    if let writer = record.writer { members.append(("writer", .string(writer))) }
    #expect(record.canonicalBytes == JSONValue.object(members).canonicalBytes)
  }

  @Test func theCanonicalRecordIsSortedJSON() throws {
    let value = try JSONParser.parse(HashChainTests.base.canonicalBytes)
    #expect(value.canonicalBytes == HashChainTests.base.canonicalBytes)
    #expect(value["payload"]?["level"] == .string("gold"))
  }
}
