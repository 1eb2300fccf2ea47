import LedgerCatalog
import LedgerCore
import LedgerTestSupport
import Testing

@testable import Projections

/// The remembering evaluation of the replay gives, on every day of generated histories, the
/// levels a full evaluation from scratch gives, and the specializations' custom prerequisites
/// in the same words (or in templates that render to them in the day's month), with metric
/// windows that end before the current month or with it.
struct AttainmentMemoTests {
  @Test(arguments: [(1, false), (2, true), (3, false), (4, true), (5, false)])
  func rememberedLevelsMatchAFullEvaluationOnEveryDay(seed: Int, windowIncludesCurrentMonth: Bool) {
    let bundledCatalogs = bundledCatalogs { $0.metricWindowIncludesCurrentMonth = windowIncludesCurrentMonth }
    var generator = HistoryGenerator(seed: UInt64(seed))
    var history = HistoryBuilder()
    for event in generator.history(count: 240) {
      history.add(
        event.effective.description, event.event, id: event.id, corrects: event.corrects, reason: event.reason)
    }
    var metDays = (individuals: 0, metrics: 0, specializations: 0)
    var lateFigures = 0
    for org in HistoryGenerator.organizations {
      let events = OrganizationFacts(org: org, events: history.visibleEvents).events
      var walk = TimelineWalk(org: org, catalogs: bundledCatalogs)
      var memo = AttainmentMemo()
      var next = 0
      var day = Samples.date("2019-12-20")
      while day <= Samples.date("2023-01-10") {
        while next < events.count, events[next].effective <= day {
          if case .consumptionReported(let row) = events[next].event, row.month < YearMonth(day) { lateFigures += 1 }
          walk.state.apply(events[next], settings: walk.settingsView(on: day))
          next += 1
        }
        let catalog = bundledCatalogs.catalog(on: day)
        let remembered = memo.attainment(catalog: catalog, on: day, state: walk.state)
        let full = CompetencyAttainment.evaluate(
          catalog: catalog, evaluator: RequirementEvaluator(catalog: catalog, date: day, state: walk.state))
        #expect(remembered.map(\.competency) == full.map(\.competency))
        #expect(remembered.map(\.attained) == full.map(\.attained), "\(org) on \(day)")
        #expect(remembered.map { $0.paths.map(\.level) } == full.map { $0.paths.map(\.level) }, "\(org) on \(day)")
        let words = RequirementEvaluator(
          catalog: catalog, date: day, state: walk.state, withEvidence: false, withWords: true)
        let met = memo.specializationsMet(catalog: catalog, on: day, state: walk.state)
        let prerequisites = memo.specializationOutcomes(catalog: catalog, on: day, state: walk.state)
        let templates = memo.specializationOutcomes(catalog: catalog, on: day, state: walk.state, templates: true)
        let evaluated = catalog.specializations.map { $0.requirements.map(words.evaluate) }
        #expect(met == prerequisites.map { $0?.met }, "\(org) on \(day)")
        #expect(prerequisites == evaluated, "\(org) on \(day)")
        #expect(templates.map { $0?.rendered(at: YearMonth(day)) } == evaluated, "\(org) on \(day)")
        metDays.specializations += prerequisites.contains { $0?.met == true } ? 1 : 0
        let outcomes = full.flatMap { $0.paths.flatMap { [$0.silver, $0.gold].compactMap { $0 } } }
        metDays.individuals += outcomes.contains { Self.meets($0) { !$0.individuals.isEmpty } } ? 1 : 0
        metDays.metrics += outcomes.contains { Self.meets($0) { $0.figure != nil } } ? 1 : 0
        day = day.adding(days: 1)
      }
    }
    // The histories meet both kinds of requirement, so both kinds of remembered outcome are compared.
    #expect(metDays.individuals > 0)
    #expect(metDays.metrics > 0)
    #expect(metDays.specializations > 0)
    // Figures of earlier months arrive late, inside the windows, so remembered values must go.
    #expect(lateFigures > 0)
  }

  /// Whether `outcome` or one of its parts is met and is of the kind `kind` tells.
  static func meets(_ outcome: RequirementOutcome, kind: (RequirementOutcome) -> Bool) -> Bool {
    (outcome.met && kind(outcome)) || outcome.parts.contains { meets($0, kind: kind) }
  }
}

extension RequirementOutcome {
  /// The outcome with its words' templates rendered for `month`.
  fileprivate func rendered(at month: YearMonth) -> RequirementOutcome {
    var outcome = RequirementOutcome(
      summary: MonthTemplate.render(summary, at: month), met: met, individuals: individuals, figure: figure,
      parts: parts.map { $0.rendered(at: month) }, needsEveryPart: needsEveryPart)
    outcome.stoppedCounting = stoppedCounting
    return outcome
  }
}
