import LedgerCore
import LedgerStorage
import LedgerTestSupport
import Testing

struct ReadingTests {
  /// An association, its correction to the right date, and an unrelated event.
  func correctedHistory(_ log: SQLiteEventLog) throws {
    let wrong = ProposedEvent(
      id: "assoc", effective: Samples.date("2021-03-01"),
      event: .individualAssociated(IndividualAssociated(individual: "alice", org: "contoso")))
    _ = try log.append([wrong])
    _ = try log.append(Samples.enrolments(1))
    let corrected = ProposedEvent(
      id: "assoc-fixed", effective: Samples.date("2021-03-15"),
      event: .individualAssociated(IndividualAssociated(individual: "alice", org: "contoso")), corrects: "assoc",
      reason: "associated on the 15th")
    _ = try log.append([corrected])
  }

  @Test func voidedEventsAreLeftOutOfProjectionsOnlyOnceTheCorrectionIsKnown() async throws {
    let log = try TemporaryLedger().open()
    try correctedHistory(log)
    var now: [String] = []
    try await log.forEachEvent(from: 1, knownAt: .max) { now.append($0.id) }
    #expect(now.count == 2 && now.last == "assoc-fixed")
    var then: [String] = []
    try await log.forEachEvent(from: 1, knownAt: 2) { then.append($0.id) }
    #expect(then.first == "assoc" && then.count == 2)
  }

  @Test func theLogShowsVoidedEventsWithTheirCorrection() async throws {
    let log = try TemporaryLedger().open()
    try correctedHistory(log)
    var entries: [LogEntry] = []
    try await log.forEachEntry(from: 1) { entries.append($0) }
    #expect(entries.map(\.voidedBy) == [3, nil, nil])
  }

  @Test func aStreamReadsInVersionOrderUpToTheKnownAtPosition() throws {
    let log = try TemporaryLedger().open()
    try correctedHistory(log)
    #expect(try log.events(in: .individual("alice"), knownAt: .max).map(\.id) == ["assoc-fixed"])
    #expect(try log.events(in: .individual("alice"), knownAt: 1).map(\.id) == ["assoc"])
    #expect(try log.events(in: .individual("nobody"), knownAt: .max).isEmpty)
  }

  @Test func readingFromAPositionSkipsEarlierEvents() async throws {
    let log = try TemporaryLedger().open()
    _ = try log.append(Samples.enrolments(10))
    var positions: [Int64] = []
    try await log.forEachEvent(from: 8, knownAt: 9) { positions.append($0.position) }
    #expect(positions == [8, 9])
  }

  @Test func anInstantMapsToTheLastPositionRecordedAtOrBeforeIt() async throws {
    // The stepping clock records 1,000 µs apart starting at `start`.
    let start: Int64 = 1_000_000_000
    let log = try TemporaryLedger().open(clock: SteppingClock(start: start, step: 1_000).clock)
    _ = try log.append(Samples.enrolments(5))
    var instants: [Int64] = []
    try await log.forEachEntry(from: 1) { instants.append($0.record.recorded.microseconds) }
    #expect(try log.position(recordedAtOrBefore: RecordedInstant(microseconds: instants[0] - 1)) == 0)
    #expect(try log.position(recordedAtOrBefore: RecordedInstant(microseconds: instants[2])) == 3)
    #expect(try log.position(recordedAtOrBefore: RecordedInstant(microseconds: instants[2] + 1)) == 3)
    #expect(try log.position(recordedAtOrBefore: RecordedInstant(microseconds: .max)) == 5)
  }

  @Test func aLongLogStreamsEveryEventInOrder() async throws {
    let log = try TemporaryLedger().open()
    for batch in 0..<10 {
      _ = try log.append(Samples.enrolments(2_000, prefix: "b\(batch)"))
    }
    var count: Int64 = 0
    try await log.forEachEvent(from: 1, knownAt: .max) { event in
      count += 1
      #expect(event.position == count)
    }
    #expect(count == 20_000)
  }
}
