import LedgerCore
import LedgerTestSupport
import Testing

/// A proposed event may carry its payload already encoded (an importer derives the id from
/// it): the append reuses that encoding, and it never outlives the fact it was made from.
struct ProposedEventTests {
  @Test func aKeptEncodingIsTheFactsCanonicalPayload() {
    for var event in Samples.oneOfEachType() {
      #expect(event.encodePayload() == event.event.canonicalPayload)
      #expect(event.encodedPayload == event.event.canonicalPayload)
    }
  }

  @Test func changingTheFactDropsTheKeptEncoding() {
    let events = Samples.oneOfEachType()
    var event = events[0]
    _ = event.encodePayload()
    event.event = events[1].event
    #expect(event.encodedPayload == nil)
    #expect(event.encodePayload() == events[1].event.canonicalPayload)
  }

  @Test func aKeptEncodingDoesNotMakeAnEventDifferent() {
    let plain = Samples.oneOfEachType()[0]
    var encoded = plain
    _ = encoded.encodePayload()
    #expect(encoded == plain)
  }
}
