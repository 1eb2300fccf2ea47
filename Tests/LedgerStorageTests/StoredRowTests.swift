import LedgerCore
import LedgerTestSupport
import Testing

@testable import LedgerStorage

/// The compact row's parts: packed ids read back as the text they were given, envelopes as
/// the fields they were written from, and damaged envelopes are refused, never misread.
struct StoredRowTests {
  static func read(_ form: StoredEventID.Form) -> String {
    switch form {
    case .packed(let bytes): bytes.withUnsafeBufferPointer(PackedEventID.init(packed:)).text
    case .text(let text): text
    }
  }

  @Test(arguments: [
    ("0190a5c4-7b1e-7c3d-8e2f-0123456789ab", 16), ("acr-" + String(repeating: "0f", count: 16), 20),
    ("x" + String(repeating: "e", count: 32), 17), ("prefix-of-15ch-" + String(repeating: "9", count: 32), 31),
    ("é" + String(repeating: "a", count: 32), 18),
  ])
  func idsOfAKnownShapeArePackedAndReadBackAsTheSameText(id: String, packedBytes: Int) {
    let form = StoredEventID.form(of: id)
    guard case .packed(let bytes) = form else {
      Issue.record("\(id) was not packed")
      return
    }
    #expect(bytes.count == packedBytes)
    #expect(Self.read(form) == id)
  }

  @Test(arguments: [
    "", "demo-031", "0190A5C4-7B1E-7C3D-8E2F-0123456789AB", String(repeating: "a", count: 32),
    "prefix-of-16chs-" + String(repeating: "9", count: 32), "acr-" + String(repeating: "A", count: 32),
    "0190a5c4_7b1e_7c3d_8e2f_0123456789ab", "acr-" + String(repeating: "g", count: 32),
  ])
  func otherIdsStayText(id: String) {
    #expect(StoredEventID.form(of: id) == .text(id))
  }

  @Test func everyGeneratedIdReadsBackAndDistinctIdsKeepDistinctForms() {
    var random = SplitMix64(seed: 16)
    var forms: [StoredEventID.Form: String] = [:]
    let alphabet = Array("0123456789abcdefABCDEF-_xé")
    for _ in 0..<20_000 {
      let length = [36, 36, 33, 36, 47, 48, 10][Int(random.next() % 7)]
      let id = String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
      let form = StoredEventID.form(of: id)
      #expect(Self.read(form) == id)
      if let other = forms[form] { #expect(other == id, "two ids share a stored form") }
      forms[form] = id
    }
  }

  @Test(arguments: [
    "0190a5c4-7b1e-7c3d-8e2f-0123456789ab", "acr-" + String(repeating: "0f", count: 16),
    "prefix-of-15ch-" + String(repeating: "9", count: 32), "é" + String(repeating: "a", count: 32),
  ])
  func aRecordReadWithAPackedIdEqualsTheRecordWrittenWithItsText(id: String) {
    guard case .packed(let bytes) = StoredEventID.form(of: id) else {
      Issue.record("\(id) was not packed")
      return
    }
    let packed = bytes.withUnsafeBufferPointer(PackedEventID.init(packed:))
    if case .text = packed { Issue.record("\(id) was read back as text, not packed") }
    var written = Self.record
    written.id = id
    var read = written
    read.packedID = packed
    #expect(read.id == id)
    #expect(read == written)
    written.id = id.uppercased()
    #expect(read != written)
  }

  @Test func aHashOf32BytesIsHeldInlineAndOthersAsTheyAre() {
    var record = Self.record
    record.hash = Array(0..<32)
    guard case .sha256 = record.packedHash else {
      Issue.record("a 32-byte hash was not held inline")
      return
    }
    #expect(record.hash == Array(0..<32))
    #expect(record.packedHash.withUnsafeBytes { Array($0) } == Array(0..<32))
    var other = record
    other.hash = Array(1..<33)
    #expect(other != record)
    record.hash = [1, 2, 3]
    #expect(record.packedHash == .bytes([1, 2, 3]) && record.hash == [1, 2, 3])
  }

  static let record = EventRecord(
    position: 1, id: "e", stream: .organization("contoso"), streamVersion: 1, typeName: "OrganizationEnrolled",
    schemaVersion: 1, effective: Samples.date("2024-02-29"), recorded: RecordedInstant(microseconds: 1), actor: nil,
    corrects: nil, reason: nil, payload: [], hash: [])

  static let fields = StoredEnvelope.Fields(
    typeName: "OrganizationEnrolled", schemaVersion: 300, effective: Samples.date("2024-02-29"),
    recorded: RecordedInstant(microseconds: -5), actor: Actor(id: "Zoë", role: "auditor"), reason: "",
    writer: "ops", unchecked: true, hash: PackedHash(Array(0..<32)))

  @Test func anEnvelopeReadsBackEveryFieldItWasWrittenFrom() throws {
    var bytes: [UInt8] = []
    try StoredEnvelope.write(Self.fields, into: &bytes)
    let read = try bytes.withUnsafeBufferPointer(StoredEnvelope.read)
    #expect(read.typeName == Self.fields.typeName && read.schemaVersion == 300)
    #expect(read.effective == Self.fields.effective && read.recorded == Self.fields.recorded)
    #expect(read.actor == Self.fields.actor && read.reason == "" && read.writer == "ops" && read.unchecked)
    #expect(read.hash == Self.fields.hash)
    #expect(bytes.withUnsafeBufferPointer(StoredEnvelope.recorded(in:)) == -5)

    var bare = Self.fields
    (bare.actor, bare.reason, bare.writer, bare.unchecked) = (Actor(id: "system"), nil, nil, false)
    try StoredEnvelope.write(bare, into: &bytes)
    let readBare = try bytes.withUnsafeBufferPointer(StoredEnvelope.read)
    #expect(readBare.actor == Actor(id: "system") && readBare.reason == nil && readBare.writer == nil)
    #expect(!readBare.unchecked)
  }

  @Test func aShortenedLengthenedOrAlteredEnvelopeIsRefusedOrReadWithoutFault() throws {
    var bytes: [UInt8] = []
    try StoredEnvelope.write(Self.fields, into: &bytes)
    for length in 0..<bytes.count {
      #expect(throws: StoredEnvelope.Malformed.self) {
        try Array(bytes.prefix(length)).withUnsafeBufferPointer(StoredEnvelope.read)
      }
    }
    #expect(throws: StoredEnvelope.Malformed.self) { try (bytes + [0]).withUnsafeBufferPointer(StoredEnvelope.read) }
    var random = SplitMix64(seed: 8)
    for _ in 0..<5_000 {
      var altered = bytes
      altered[Int(random.next() % UInt64(altered.count))] = UInt8(truncatingIfNeeded: random.next())
      _ = try? altered.withUnsafeBufferPointer(StoredEnvelope.read)
    }
  }

  @Test func aRecordTheLayoutCannotHoldIsRefused() {
    var bytes: [UInt8] = []
    var short = Self.fields
    short.hash = PackedHash([1, 2, 3])
    #expect(throws: StoredEnvelope.Malformed.self) { try StoredEnvelope.write(short, into: &bytes) }
    var negative = Self.fields
    negative.schemaVersion = -1
    #expect(throws: StoredEnvelope.Malformed.self) { try StoredEnvelope.write(negative, into: &bytes) }
  }
}
