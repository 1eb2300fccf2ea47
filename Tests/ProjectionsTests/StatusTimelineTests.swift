import LedgerCatalog
import LedgerCore
import LedgerTestSupport
import Projections
import Testing

/// The status timeline a read model keeps answers every day as the replay through that day
/// does, and reads back from its compact form unchanged.
struct StatusTimelineTests {
  /// Two years past the histories' last events: the months after them count too.
  static let end = Samples.date("2025-06-30")

  /// The generated history of `seed` (about `count` events), its timeline for each
  /// organization under `catalogs`.
  static func timelines(
    seed: Int, count: Int = 400, catalogs: CatalogHistory = bundledCatalogs
  ) -> [OrganizationTimeline] {
    var generator = HistoryGenerator(seed: UInt64(seed))
    var history = HistoryBuilder()
    for event in generator.history(count: count) {
      history.add(
        event.effective.description, event.event, id: event.id, corrects: event.corrects, reason: event.reason)
    }
    return HistoryGenerator.organizations.map {
      OrganizationTimeline(catalogs: catalogs, facts: OrganizationFacts(org: $0, events: history.visibleEvents))
    }
  }

  /// With a cap on competencies per individual too: the walk then evaluates every day afresh,
  /// with evidence, instead of remembering (on a shorter history: that is slow).
  @Test(arguments: [(1, nil), (2, nil), (3, nil), (1, 1)])
  func theTimelineAnswersEveryDayAsTheReplayThroughIt(seed: Int, competenciesPerIndividual: Int?) {
    let catalogs = bundledCatalogs { $0.maxCompetenciesPerIndividual = competenciesPerIndividual }
    let count = competenciesPerIndividual == nil ? 400 : 150
    for timeline in Self.timelines(seed: seed, count: count, catalogs: catalogs) {
      let statuses = timeline.projection(through: Self.end).statuses
      let start = try! #require(statuses.start)
      #expect(statuses.pieces.count > 10, "the history changes the status often")
      // Every day a piece starts and the day before it (where a missed change would show),
      // and a spread of days between.
      var days = Set(statuses.pieces.flatMap { [$0.asOf.adding(days: -1), $0.asOf] })
      days.formUnion(stride(from: -30, through: 2_000, by: 31).map { start.adding(days: $0) })
      for day in days.sorted() where day <= Self.end {
        let replayed = timeline.status(asOf: day)
        if day < start {
          #expect(statuses.status(asOf: day) == nil)
          let nothing = OrganizationTimeline(catalogs: catalogs, facts: OrganizationFacts(org: timeline.facts.org))
          #expect(nothing.status(asOf: day) == replayed, "before its first event, on \(day)")
        } else {
          #expect(statuses.status(asOf: day) == replayed, "\(timeline.facts.org) on \(day)")
        }
      }
      #expect(statuses.status(asOf: Self.end.adding(days: 1)) == nil, "after the horizon the replay answers")
    }
  }

  @Test func theCompactFormReadsBackUnchanged() throws {
    for timeline in Self.timelines(seed: 4) {
      let statuses = timeline.projection(through: Self.end).statuses
      #expect(try StatusTimeline(encoded: statuses.encoded) == statuses)
    }
  }

  @Test func aDamagedCompactFormIsRefused() throws {
    let encoded = try #require(Self.timelines(seed: 5).first).projection(through: Self.end).statuses.encoded
    #expect(throws: StoredDataError.self) { try StatusTimeline(encoded: Array(encoded.dropLast(3))) }
    #expect(throws: StoredDataError.self) { try StatusTimeline(encoded: encoded + [0]) }
  }
}
