import Foundation
import LedgerCore
import LedgerTestSupport
import Testing

struct EventInputTests {
  @Test(arguments: Samples.oneOfEachType())
  func everyEventTypeRoundTripsThroughItsInputLine(event: ProposedEvent) throws {
    let line = EventInput.json(of: event).canonicalBytes
    #expect(try EventInput.proposedEvent(fromLine: line) == event)
  }

  @Test func theSamplesCoverTheWholeVocabulary() {
    #expect(Set(Samples.oneOfEachType().map(\.event.typeName)) == Set(LedgerEvent.typeNames))
    #expect(LedgerEvent.typeNames.count == 19)
  }

  @Test func storedPayloadsDecodeBackToTheSameEvent() throws {
    for sample in Samples.oneOfEachType() {
      let event = sample.event
      #expect(try LedgerEvent(typeName: event.typeName, payload: event.canonicalPayload) == event)
    }
  }

  @Test func optionalFieldsTakeTheirDefaults() throws {
    let line = #"{"type":"OrganizationEnrolled","effective":"2021-01-04","org":"x","name":"X"}"#
    let event = try EventInput.proposedEvent(fromLine: Array(line.utf8))
    #expect(event.event == .organizationEnrolled(OrganizationEnrolled(org: "x", name: "X", market: .developed)))
    #expect(event.id == nil && event.actor == nil && event.expectedVersion == nil)
  }

  static let refusals: [(String, String)] = [
    (#"[1]"#, "expected a JSON object, not an array"),
    (#"{"effective":"2021-01-01","org":"x"}"#, "missing field \"type\""),
    (#"{"type":"Renamed","effective":"2021-01-01"}"#, "unknown event type \"Renamed\""),
    (#"{"type":"OrganizationEnrolled","org":"x","name":"X"}"#, "missing field \"effective\""),
    (
      #"{"type":"OrganizationEnrolled","effective":"2021-02-30","org":"x","name":"X"}"#,
      "field \"effective\": no such day: \"2021-02-30\""
    ),
    (
      #"{"type":"OrganizationEnrolled","effective":"2021-01-01","org":"x","name":"X","colour":"red"}"#,
      "unknown field \"colour\""
    ),
    (#"{"type":"OrganizationEnrolled","effective":"2021-01-01","org":"x"}"#, "missing field \"name\""),
    (
      #"{"type":"OrganizationEnrolled","effective":"2021-01-01","org":7,"name":"X"}"#,
      "field \"org\" must be a string, not a number"
    ),
    (
      #"{"type":"OrganizationEnrolled","effective":"2021-01-01","org":"","name":"X"}"#,
      "field \"org\" must not be empty"
    ),
    (
      #"{"type":"OrganizationEnrolled","effective":"2021-01-01","org":"x","name":"X","market":"emerging"}"#,
      "unknown market \"emerging\" (expected one of \"developed\", \"developing\")"
    ),
    (
      #"{"type":"MembershipPurchased","effective":"2021-01-01","org":"x","level":"platinum"}"#,
      "unknown level \"platinum\" (expected one of \"silver\", \"gold\")"
    ),
    (
      #"{"type":"AuditCompleted","effective":"2021-01-01","org":"x","specialization":"s","result":"fail"}"#,
      "unknown result \"fail\" (expected one of \"pass\", \"no-pass\")"
    ),
    (
      #"{"type":"MembershipPurchased","effective":"2021-01-01","org":"x","level":"gold","corrects":"e1"}"#,
      "field \"corrects\" needs a \"reason\""
    ),
    (
      #"{"type":"CredentialEarned","effective":"2021-01-01","individual":"a","credential":"c","expires":"2021-06-31"}"#,
      "field \"expires\": no such day: \"2021-06-31\""
    ),
    (
      #"{"type":"PerformanceReported","effective":"2021-01-01","org":"x","metric":"m","month":"2021-13","value":1}"#,
      "field \"month\": not a month of the form YYYY-MM: \"2021-13\""
    ),
    (
      #"{"type":"PerformanceReported","effective":"2021-01-01","org":"x","metric":"m","month":"2021-01","value":"1"}"#,
      "field \"value\" must be a number, not a string"
    ),
    (
      #"{"type":"MembershipPurchased","effective":"2021-01-01","org":"x","level":"gold","actor":"bob"}"#,
      "field \"actor\" must be an object with \"id\" and \"role\""
    ),
    (
      #"{"type":"MembershipPurchased","effective":"2021-01-01","org":"x","level":"gold","actor":{"role":"r"}}"#,
      "field \"actor\": missing field \"id\""
    ),
    (
      #"{"type":"MembershipPurchased","effective":"2021-01-01","org":"x","level":"gold","expectedVersion":1.5}"#,
      "field \"expectedVersion\" must be a whole number"
    ),
    (
      #"{"type":"MembershipPurchased","effective":"2021-01-01","org":"x","level":"gold","expectedVersion":-1}"#,
      "field \"expectedVersion\" must not be negative"
    ),
  ]

  @Test(arguments: refusals)
  func refusesInvalidLinesWithTheReason(line: String, reason: String) {
    #expect(throws: EventValidationError(reason)) { try EventInput.proposedEvent(fromLine: Array(line.utf8)) }
  }

  @Test func refusesIdsLongerThanTwoHundredCharacters() {
    let id = String(repeating: "x", count: 201)
    let line = #"{"type":"MembershipPurchased","effective":"2021-01-01","org":"x","level":"gold","id":"\#(id)"}"#
    #expect(throws: EventValidationError("field \"id\" is longer than 200 characters")) {
      try EventInput.proposedEvent(fromLine: Array(line.utf8))
    }
  }

  @Test func aBatchNamesTheLineOfEachProblemAndSkipsBlankLines() {
    var batch = InputBatch()
    let text = """
      {"type":"OrganizationEnrolled","effective":"2021-01-01","org":"x","name":"X"}

      {"type":"OrganizationEnrolled","effective":"2021-01-01","org":"y"}\r
      not json
      """
    batch.read(Data(text.utf8), file: "in.ndjson")
    #expect(batch.events.count == 1)
    #expect(
      batch.problems.map(\.description) == [
        "in.ndjson:3: missing field \"name\"",
        "in.ndjson:4: malformed JSON at column 1: unexpected character",
      ])
  }
}
