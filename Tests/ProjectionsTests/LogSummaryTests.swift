import LedgerCore
import LedgerTestSupport
import Projections
import Testing

struct LogSummaryTests {
  func recorded(_ proposed: ProposedEvent, at position: Int64) -> RecordedEvent {
    let record = EventRecord(
      position: position, id: proposed.id ?? "e\(position)", stream: proposed.event.stream, streamVersion: 1,
      typeName: proposed.event.typeName, schemaVersion: 1, effective: proposed.effective,
      recorded: RecordedInstant(microseconds: position), actor: proposed.actor, corrects: proposed.corrects,
      reason: proposed.reason, payload: proposed.event.canonicalPayload, hash: [])
    return RecordedEvent(record: record, event: proposed.event)
  }

  @Test func countsEventsByTypeAndNamesTheirSubjects() {
    var summary = LogSummary()
    for (offset, event) in Samples.oneOfEachType().enumerated() {
      summary.apply(recorded(event, at: Int64(offset + 1)))
    }
    #expect(summary.eventCount == 19)
    #expect(summary.countsByType.count == 19 && summary.countsByType.values.allSatisfy { $0 == 1 })
    #expect(summary.organizations == ["contoso": "Contoso Ltd"])
    #expect(summary.individuals == ["alice"])
    #expect(summary.effectiveSpan == Samples.date("2021-01-31")...Samples.date("2021-02-18"))
  }

  @Test func countsCorrectionsAndWidensTheSpanBothWays() {
    var summary = LogSummary()
    var late = Samples.enrolments(1)[0]
    late.effective = Samples.date("2022-05-01")
    var early = Samples.enrolments(1, prefix: "b")[0]
    early.effective = Samples.date("2019-12-31")
    early.corrects = "e1"
    early.reason = "typo"
    summary.apply(recorded(late, at: 1))
    summary.apply(recorded(early, at: 2))
    #expect(summary.corrections == 1)
    #expect(summary.effectiveSpan == Samples.date("2019-12-31")...Samples.date("2022-05-01"))
  }
}
