import LedgerCore
import Testing

struct RecordedInstantTests {
  @Test(arguments: [
    "2021-03-31T23:59:59.000001Z", "1970-01-01T00:00:00.000000Z", "2026-11-21T17:21:46.123456Z",
  ])
  func printsAndParsesTheSameInstant(text: String) throws {
    #expect(try RecordedInstant(parsing: text).description == text)
  }

  @Test func parsesWholeSecondsAndShortFractions() throws {
    #expect(try RecordedInstant(parsing: "1970-01-01T00:00:01Z").microseconds == 1_000_000)
    #expect(try RecordedInstant(parsing: "1970-01-01T00:00:00.5Z").microseconds == 500_000)
  }

  @Test func aDateMeansTheLastMicrosecondOfThatDay() throws {
    #expect(try RecordedInstant(parsing: "2021-03-31").description == "2021-03-31T23:59:59.999999Z")
  }

  @Test(arguments: [
    "2021-03-31T24:00:00Z", "2021-03-31 10:00:00Z", "2021-03-31T10:00:00", "2021-03-31T10:00:00.1234567Z",
  ])
  func refusesMalformedInstants(text: String) {
    #expect(throws: CivilDate.ParseError.self) { try RecordedInstant(parsing: text) }
  }
}
