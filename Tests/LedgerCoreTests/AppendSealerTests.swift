import LedgerCore
import LedgerTestSupport
import Testing

struct AppendSealerTests {
  /// What an empty log answers: no stored event, every stream at version 0.
  struct EmptyLog: AppendLookups {
    func storedEvent(id: String) throws -> (position: Int64, content: EventContent)? { nil }
    func storedVersion(of stream: StreamName) throws -> Int { 0 }
  }

  struct WriteFailed: Error {}

  /// `count` accepted enrolments with ids, sealed at one fixed instant so two sealings of
  /// them can be compared row by row.
  static func accepted(_ count: Int) throws -> [AppendPlan.Accepted] {
    var plan = AppendPlan()
    for (index, var event) in Samples.enrolments(count).enumerated() {
      event.id = "event-\(index)"
      try plan.judge(event, index: index, lookups: EmptyLog())
    }
    return plan.accepted
  }

  static let clock = LedgerClock { RecordedInstant(microseconds: 1_614_816_000_000_000) }

  @Test(arguments: [AppendSealer.handoffMinimum - 1, AppendSealer.handoffMinimum, 1_000])
  func aBatchSealedBesideItsWritesGivesTheRowsOfOneByOneInOrder(count: Int) throws {
    let accepted = try Self.accepted(count)
    var oneByOne = AppendSealer(head: .empty, clock: Self.clock)
    let expected = accepted.map { oneByOne.seal($0) }

    var sealer = AppendSealer(head: .empty, clock: Self.clock)
    var written: [AppendPlan.Row] = []
    let appended = try sealer.seal(accepted) { written.append($0) }

    #expect(written.map(\.record) == expected.map(\.record))
    #expect(written.map(\.leafHash) == expected.map(\.leafHash))
    #expect(appended.map(\.position) == Array(1...Int64(count)))
    #expect(sealer.head == oneByOne.head)
  }

  @Test func aFailedWriteStopsTheSealingAndIsThrown() throws {
    let accepted = try Self.accepted(5_000)
    var sealer = AppendSealer(head: .empty, clock: Self.clock)
    var written = 0
    #expect(throws: WriteFailed.self) {
      try sealer.seal(accepted) { _ in
        guard written < 300 else { throw WriteFailed() }
        written += 1
      }
    }
    #expect(written == 300)
  }
}
