import LedgerCore
import LedgerTestSupport
import Testing

struct StoredMembersTests {
  @Test(arguments: Samples.oneOfEachType())
  func readingInPlaceAndParsingGiveTheSameEvent(sample: ProposedEvent) throws {
    let payload = sample.event.canonicalPayload
    #expect(try LedgerEvent(typeName: sample.event.typeName, payload: payload) == sample.event)
    #expect(try LedgerEvent(typeName: sample.event.typeName, parsing: payload) == sample.event)
  }

  @Test func everyEventTypesPayloadIsReadInPlace() {
    for sample in Samples.oneOfEachType() {
      #expect(Self.scannedCount(sample.event.canonicalPayload) != nil, "\(sample.event.typeName)")
    }
    #expect(Self.scannedCount(Array(#"{"credential":"70-533","expires":null,"individual":"alice"}"#.utf8)) == 3)
    #expect(Self.scannedCount(Array("{}".utf8)) == 0)
  }

  /// Payloads of every shape the scan refuses or reads, each with whether it is read in place.
  static let payloads: [(String, String, Bool)] = [
    ("CredentialEarned", #"{"credential":"70-533","individual":"alice"}"#, true),
    ("CredentialEarned", #"{"credential":"70-533","expires":null,"individual":"alice"}"#, true),
    ("CredentialEarned", #"{"credential":"70-533","expires":"2021-02-30","individual":"alice"}"#, true),
    ("CredentialEarned", #"{"credential":"70-533","expires":"2021-02-28","individual":"alice"}"#, true),
    ("CredentialEarned", #"{"credential":"70-533","expires":"soon","individual":"alice"}"#, true),
    ("CredentialEarned", #"{"credential":"70-533","expires":"","individual":"alice"}"#, true),
    ("CredentialEarned", #"{"credential":"70-533","expires":20210228,"individual":"alice"}"#, true),
    ("CredentialEarned", #"{"credential":"70-533","extra":"x","individual":"alice"}"#, true),
    ("CredentialEarned", #"{"credential":true,"individual":"alice"}"#, true),
    ("CredentialEarned", #"{"credential":"","individual":"alice"}"#, true),
    ("CredentialEarned", "{}", true),
    ("Renamed", #"{"credential":"70-533","individual":"alice"}"#, true),
    ("CredentialEarned", #"{"individual":"alice","credential":"70-533"}"#, false),
    ("CredentialEarned", #"{"credential":"70-533","credential":"x","individual":"alice"}"#, false),
    ("CredentialEarned", #"{"credential":"70-533","individual":"al\"ice"}"#, false),
    ("CredentialEarned", #"{"credential":"70-533","individual":"alicé"}"#, false),
    ("CredentialEarned", #"{"credential":"70-533", "individual":"alice"}"#, false),
    ("CredentialEarned", #"{"credential":"70-533","individual":"alice"}}"#, false),
    ("CredentialEarned", #"{"credential":"70-533","individual":"alice",}"#, false),
    ("CredentialEarned", #"{"credential":7,"individual":"alice"}"#, true),
    ("PerformanceReported", #"{"metric":"m","month":"2021-02","org":"contoso","value":-2000.50}"#, true),
    ("PerformanceReported", #"{"metric":"m","month":"2021-02","org":"contoso","value":12e3}"#, true),
    ("PerformanceReported", #"{"metric":"m","month":"2021-02","org":"contoso","value":012}"#, false),
    ("PerformanceReported", #"{"metric":"m","month":"2021-02","org":"contoso","value":1.}"#, false),
    ("PerformanceReported", #"{"metric":"m","month":"2021-02","org":"contoso","value":+1}"#, false),
    ("PerformanceReported", #"{"metric":"m","month":"2021-02","org":"contoso","value":1e999}"#, false),
    ("PerformanceReported", #"{"metric":"m","month":"2021-02","org":"contoso","value":-}"#, false),
    ("PerformanceReported", #"{"metric":"m","month":"2021-02","org":"contoso","value":[1]}"#, false),
    ("CredentialEarned", #"{"credential":"70-533","individual":"alice""#, false),
    ("CredentialEarned", #"{"credential":"70-533","individual":nul}"#, false),
    ("CredentialEarned", "{" + (0..<24).map { #""k\#($0 + 10)":"v""# }.joined(separator: ",") + "}", true),
    ("CredentialEarned", "{" + (0..<25).map { #""k\#($0 + 10)":"v""# }.joined(separator: ",") + "}", false),
    (
      "CredentialEarned", #"{"credential":""# + String(repeating: "x", count: 70_000) + #"","individual":"alice"}"#,
      false
    ),
    ("CredentialEarned", "[]", false),
    ("CredentialEarned", "{", false),
    ("CredentialEarned", "", false),
  ]

  @Test(arguments: payloads)
  func everyPayloadDecodesOrFailsAsTheParserDecidesIt(typeName: String, text: String, readInPlace: Bool) {
    let payload = Array(text.utf8)
    #expect((Self.scannedCount(payload) != nil) == readInPlace)
    let fast = Result { () throws(EventValidationError) in try LedgerEvent(typeName: typeName, payload: payload) }
    let parsed = Result { () throws(EventValidationError) in try LedgerEvent(typeName: typeName, parsing: payload) }
    #expect(fast == parsed)
  }

  /// The number of members the scan finds, or `nil` when it leaves the payload to the parser.
  static func scannedCount(_ payload: [UInt8]) -> Int? {
    payload.withUnsafeBufferPointer { bytes in StoredMembers.scanning(bytes) { $0?.count } }
  }
}
