import LedgerCore
import LedgerQueries
import LedgerStorage
import LedgerTestSupport
import Projections
import Testing

/// Over generated histories, three ways to the same status agree: a full replay of the
/// events the log shows as visible, an incremental projection fed every recorded event (its
/// corrections included) one by one, and the query through the store.
struct ReplayPropertyTests {
  @Test(arguments: 1...4)
  func fullReplayIncrementalProjectionAndTheStoreAgree(seed: Int) async throws {
    var generator = HistoryGenerator(seed: UInt64(seed))
    let proposed = generator.history(count: 160)
    let ledger = TemporaryLedger()
    let log = try ledger.open()
    _ = try log.append(proposed)
    var recorded: [RecordedEvent] = []
    try await log.forEachEntry(from: 1) { recorded.append(try $0.record.decoded()) }
    let query = OrganizationQuery(log: log, catalogs: bundledCatalogs)
    let head = try log.headPosition()
    var visible: [RecordedEvent] = []
    try await log.forEachEvent(from: 1, knownAt: head) { visible.append($0) }

    for org in HistoryGenerator.organizations {
      var incremental = OrganizationFacts(org: org)
      for event in recorded { incremental.apply(event) }
      let full = OrganizationFacts(org: org, events: visible)
      #expect(incremental.events.map(\.id) == full.events.map(\.id))
      let fromStore = try await query.timeline(of: org, knownAt: head)
      for offset in stride(from: 0, through: 1_300, by: 127) {
        let date = Samples.date("2020-01-01").adding(days: offset)
        let expected = OrganizationTimeline(catalogs: bundledCatalogs, facts: full).status(asOf: date)
        #expect(OrganizationTimeline(catalogs: bundledCatalogs, facts: incremental).status(asOf: date) == expected)
        #expect(fromStore.status(asOf: date) == expected, "org \(org) on \(date)")
      }
    }
  }

  @Test func generatedHistoriesExerciseTheRules() throws {
    var generator = HistoryGenerator(seed: 7)
    var history = HistoryBuilder()
    for event in generator.history(count: 400) {
      history.add(
        event.effective.description, event.event, id: event.id, corrects: event.corrects, reason: event.reason)
    }
    let statuses = HistoryGenerator.organizations.flatMap { org in
      stride(from: 0, through: 1_300, by: 90).map {
        history.status(org, on: Samples.date("2020-01-01").adding(days: $0).description)
      }
    }
    #expect(statuses.contains { $0.membership != nil })
    #expect(statuses.contains { !$0.alerts.isEmpty })
    #expect(statuses.contains { $0.competencies.contains { $0.attained == .gold } })
    #expect(history.events.contains { $0.corrects != nil })
  }
}
