import LedgerCatalog
import LedgerCore

/// What one competency's paths support on a day, with the override in force.
struct CompetencyAttainment {
  let competency: String
  /// The best level the requirements support.
  let earned: Level?
  /// The level each path supports, by path id, with each level's outcome (no outcomes when
  /// the replay evaluated met or not only, ``AttainmentMemo``).
  let paths: [(id: String, level: Level?, silver: RequirementOutcome?, gold: RequirementOutcome?)]
  /// The override in force.
  let override: OverrideGrant?

  /// The level the requirements or the override support.
  var attained: Level? {
    guard let level = override?.level else { return earned }
    return earned.map { max($0, level) } ?? level
  }

  /// Evaluates every competency of the catalog, in catalog order. With a cap on how many
  /// competencies an individual may count toward, individuals are allotted greedily in that
  /// order: those who count toward an earlier competency's level are not offered to later
  /// ones once they reach the cap.
  static func evaluate(catalog: Catalog, evaluator: RequirementEvaluator) -> [CompetencyAttainment] {
    let (state, date) = (evaluator.state, evaluator.date)
    guard let cap = catalog.settings.maxCompetenciesPerIndividual else {
      return catalog.competencies.map { evaluate($0, with: evaluator, state: state, on: date) }
    }
    var uses: [String: Int] = [:]
    return catalog.competencies.map { definition in
      let exhausted = Set(uses.filter { $0.value >= cap }.keys)
      let evaluator = RequirementEvaluator(catalog: catalog, date: date, state: state, excluded: exhausted)
      let result = evaluate(definition, with: evaluator, state: state, on: date)
      if let best = result.paths.first(where: { $0.level == result.earned && $0.level != nil }) {
        let outcome = best.level == .gold ? best.gold : best.silver
        for individual in Set(outcome.map(Self.individuals) ?? []) { uses[individual, default: 0] += 1 }
      }
      return result
    }
  }

  static func evaluate(
    _ definition: CompetencyDefinition, with evaluator: RequirementEvaluator, state: OrganizationState,
    on date: CivilDate
  ) -> CompetencyAttainment {
    let paths = definition.paths.map { path in
      let gold = path.gold.map(evaluator.evaluate)
      let silver = path.silver.map(evaluator.evaluate)
      let level: Level? = gold?.met == true ? .gold : silver?.met == true ? .silver : nil
      return (id: path.id, level: level, silver: silver, gold: gold)
    }
    return CompetencyAttainment(
      competency: definition.id, earned: paths.compactMap(\.level).max(), paths: paths,
      override: override(of: definition.id, in: state, on: date))
  }

  /// The override of `competency` in force on `date`, if any.
  static func override(of competency: String, in state: OrganizationState, on date: CivilDate) -> OverrideGrant? {
    state.overrides[competency].flatMap { $0.placed <= date && date < $0.expires ? $0 : nil }
  }

  static func individuals(in outcome: RequirementOutcome) -> [String] {
    outcome.individuals.map(\.individual) + outcome.parts.flatMap(individuals)
  }
}
