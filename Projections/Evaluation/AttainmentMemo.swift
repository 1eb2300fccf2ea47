import Foundation
import LedgerCatalog
import LedgerCore

/// Competency attainment for a replay that evaluates day after day, met or not only (no
/// evidence), re-evaluating only what can have changed since the last day it evaluated.
///
/// Individuals requirements read the holdings that count (who is linked, what they earned,
/// what has expired or is no longer accepted); metric requirements read the figures, the
/// market and the month. An individuals requirement keeps a tally of who satisfies it, which
/// a change of one individual's holdings moves; a metric requirement's outcome is kept until
/// what it reads changes (figures of a month after every window, as a month's own figures
/// taking effect on its last day are, change none), and each competency's levels until a
/// requirement it has changes: a new month re-evaluates only the competencies with metrics,
/// a new credential only those counting individuals. Overrides are applied afresh on every
/// day. The specializations' custom prerequisites are answered from the same tallies and
/// outcomes, met or not, or with their words.
/// ``CompetencyAttainment/evaluate(catalog:evaluator:)`` gives the same levels from scratch (a
/// test compares the two on every day of generated histories).
struct AttainmentMemo {
  private typealias Levels = (paths: [Level?], earned: Level?)
  private var version: String?
  /// What each linked individual counts with now, as last added to ``tallies``, and the
  /// first later day on which time alone changes that.
  private var counted: [String: (bits: CredentialBits, until: CivilDate?)] = [:]
  /// Each individuals requirement's predicates, by slot.
  private var predicates: [(holding: CompiledPredicate, ofWhom: CompiledPredicate?)] = []
  /// Each individuals requirement's tally over the linked individuals, by slot: how many
  /// satisfy its predicate, and how many of those also its `ofWhom` one. A change of one
  /// individual's holdings moves the tallies by what that individual counted before and now.
  private var tallies: [(qualified: Int, also: Int)] = []
  /// The holdings' revision last gathered, and the first later day on which time alone
  /// changes what anyone counts with.
  private var holdingsKey: (revision: Int, until: CivilDate?)?
  private var figuresKey: FiguresKey?
  /// Each metric requirement's outcome, by slot, while the figures stand still.
  private var metricMet: [Bool?] = []
  /// Each metric's value over a window, by value number (``CompiledRequirements/Metric/value``),
  /// shared by the requirements (Silver, Gold, several paths) that read the same one, while
  /// the figures stand still.
  private var values: [(value: Decimal, customers: Int)?] = []
  private var levels: [Levels] = []
  /// The competencies whose levels must be evaluated again.
  private var stale: [Bool] = []
  private var last: [CompetencyAttainment] = []
  /// The overrides applied in ``last``, by competency.
  private var lastOverrides: [OverrideGrant?] = []
  /// The specializations' outcomes as last built, until the holdings or the figures change.
  private var lastOutcomes: (templates: Bool, outcomes: [RequirementOutcome?])?
  /// Each individuals requirement's words, by slot, made once per catalog version.
  private var individualsWords: [String?] = []
  /// Each metric requirement's words as a template relative to the month (its window moves
  /// with the month, so the template stays), by slot, made once per catalog version and market.
  private var metricWords: (market: Int, words: [String?]) = (0, [])

  /// The attainment of every competency of `catalog` on `date`, in catalog order; the days
  /// asked for must not go back. The paths carry their levels but no outcomes.
  mutating func attainment(catalog: Catalog, on date: CivilDate, state: OrganizationState) -> [CompetencyAttainment] {
    var changed = false
    if version != catalog.version {
      version = catalog.version
      (holdingsKey, figuresKey) = (nil, nil)
      counted.removeAll()
      predicates = catalog.requirements.individualsPredicates
      individualsWords = Array(repeating: nil, count: predicates.count)
      metricWords = (state.marketRevision, Array(repeating: nil, count: catalog.requirements.metrics.count))
      tallies = Array(repeating: (0, 0), count: predicates.count)
      metricMet = Array(repeating: nil, count: catalog.requirements.metrics.count)
      values = Array(repeating: nil, count: catalog.requirements.valueCount)
      levels = []
      stale = Array(repeating: true, count: catalog.competencies.count)
      changed = true
    }
    if holdingsKey.map({ $0.revision != state.holdingsRevision || $0.until.map { date >= $0 } ?? false }) ?? true {
      let until = collectHoldings(catalog: catalog, on: date, state: state)
      holdingsKey = (state.holdingsRevision, until)
      lastOutcomes = nil
      forget(catalog) { $0.readsHoldings }
    }
    let month = YearMonth(date)
    if figuresKey.map({ !$0.stands(month: month, state: state, catalog: catalog) }) ?? true {
      figuresKey = FiguresKey(month: month, market: state.marketRevision, changes: state.figureChanges.count)
      lastOutcomes = nil
      for slot in metricMet.indices { metricMet[slot] = nil }
      for number in values.indices { values[number] = nil }
      forget(catalog) { $0.readsFigures }
    } else {
      figuresKey!.changes = state.figureChanges.count
    }
    if levels.isEmpty {
      levels = catalog.compiledCompetencies.map { (Array(repeating: nil, count: $0.paths.count), nil) }
    }
    for index in stale.indices where stale[index] {
      if reevaluate(index, catalog: catalog, on: date, state: state) { changed = true }
    }
    for index in stale.indices { stale[index] = false }
    // Without overrides placed, and none applied last time, the last ones stand.
    let overrides =
      state.overrides.isEmpty && !lastOverrides.contains { $0 != nil } && lastOverrides.count == levels.count
      ? lastOverrides
      : catalog.competencies.map { CompetencyAttainment.override(of: $0.id, in: state, on: date) }
    // Nothing anyone reads changed: the last answer stands, without building it again.
    guard changed || overrides != lastOverrides else { return last }
    lastOverrides = overrides
    last = zip(catalog.competencies, zip(levels, overrides)).map { definition, evaluated in
      let (level, override) = evaluated
      return CompetencyAttainment(
        competency: definition.id, earned: level.earned,
        paths: zip(definition.paths, level.paths).map { (id: $0.id, level: $1, silver: nil, gold: nil) },
        override: override)
    }
    return last
  }

  /// Each specialization's custom prerequisites on the day of the last
  /// ``attainment(catalog:on:state:)`` (which must have been asked for `date` with `state`),
  /// in catalog order: met or not, with their words and no evidence, as a
  /// `RequirementEvaluator` without evidence and with words gives them (a test compares the
  /// two), from the same tallies and remembered metric outcomes as the competencies. With
  /// `templates`, the words name months as templates relative to the day's month
  /// (``MonthTemplate``): the same from month to month, so they are made once.
  mutating func specializationOutcomes(
    catalog: Catalog, on date: CivilDate, state: OrganizationState, templates: Bool = false
  ) -> [RequirementOutcome?] {
    if let lastOutcomes, lastOutcomes.templates == templates { return lastOutcomes.outcomes }
    let outcomes = zip(catalog.specializations, catalog.compiledSpecializations).map { definition, node in
      guard let requirement = definition.requirements, let node else { return RequirementOutcome?.none }
      return outcome(of: requirement, node, templates: templates, catalog: catalog, on: date, state: state)
    }
    lastOutcomes = (templates, outcomes)
    return outcomes
  }

  /// The first day after the last one evaluated on which time alone changes what the linked
  /// individuals hold (a credential expiring or no longer accepted), `.some(nil)` for none;
  /// nil when that evaluation was not with `catalog` and the holdings `state` has, or none was made.
  func nextHoldingsChange(for state: OrganizationState, catalog: Catalog) -> CivilDate?? {
    guard version == catalog.version, let holdingsKey, holdingsKey.revision == state.holdingsRevision else {
      return nil
    }
    return .some(holdingsKey.until)
  }

  /// Whether each specialization's custom prerequisites are met on the day of the last
  /// ``attainment(catalog:on:state:)`` (which must have been asked for `date` with `state`), in
  /// catalog order; nil for one without. What ``specializationOutcomes(catalog:on:state:)``
  /// says, without the words.
  mutating func specializationsMet(catalog: Catalog, on date: CivilDate, state: OrganizationState) -> [Bool?] {
    if let lastOutcomes { return lastOutcomes.outcomes.map { $0?.met } }
    return catalog.compiledSpecializations.map { node in
      node.map { isMet($0, catalog: catalog, on: date, state: state) }
    }
  }

  /// `requirement`'s outcome in words (templates, with `templates`), met or not by `node`, its
  /// compiled form.
  private mutating func outcome(
    of requirement: Requirement, _ node: Int, templates: Bool, catalog: Catalog, on date: CivilDate,
    state: OrganizationState
  ) -> RequirementOutcome {
    let met = isMet(node, catalog: catalog, on: date, state: state)
    let compiled = catalog.requirements
    switch (requirement, compiled.nodes[node]) {
    case (.allOf(let parts), .allOf(let range)), (.anyOf(let parts), .anyOf(let range)):
      var everyPart = false
      if case .allOf = requirement { everyPart = true }
      let outcomes = zip(parts, compiled.children[range]).map {
        outcome(of: $0, $1, templates: templates, catalog: catalog, on: date, state: state)
      }
      return RequirementOutcome(
        summary: everyPart ? RequirementEvaluator.allOfWords : RequirementEvaluator.anyOfWords, met: met,
        individuals: [], figure: nil, parts: outcomes, needsEveryPart: everyPart)
    case (.individuals(let count, let holding, let ofWhom), .individuals(let slot, _, _)):
      let summary =
        individualsWords[slot] ?? RequirementEvaluator.summary(count: count, holding: holding, ofWhom: ofWhom)
      individualsWords[slot] = summary
      return RequirementOutcome(summary: summary, met: met, individuals: [], figure: nil, parts: [])
    case (.metric(let id, let threshold, let months, let minCustomers), .metric(let slot)):
      if templates, metricWords.market == state.marketRevision, let summary = metricWords.words[slot] {
        return RequirementOutcome(summary: summary, met: met, individuals: [], figure: nil, parts: [])
      }
      let window = MetricWindow(
        date: date, months: months, includesCurrentMonth: catalog.settings.metricWindowIncludesCurrentMonth)
      let words = RequirementEvaluator.metricWords(
        catalog.metrics[id]!, atLeast: threshold.value(for: state.market), minCustomers: minCustomers, window: window)
      guard templates else {
        return RequirementOutcome(summary: words, met: met, individuals: [], figure: nil, parts: [])
      }
      if metricWords.market != state.marketRevision {
        metricWords = (state.marketRevision, metricWords.words.map { _ in nil })
      }
      let summary = MonthTemplate.template(words, relativeTo: YearMonth(date))
      metricWords.words[slot] = summary
      return RequirementOutcome(summary: summary, met: met, individuals: [], figure: nil, parts: [])
    case (.attribute(let name), _):
      return RequirementOutcome(
        summary: RequirementEvaluator.attributeWords(name), met: met, individuals: [], figure: nil, parts: [])
    default:
      preconditionFailure("a requirement and its compiled form differ in shape")
    }
  }

  private mutating func forget(_ catalog: Catalog, where reads: (CompiledCompetency) -> Bool) {
    for (index, competency) in catalog.compiledCompetencies.enumerated() where reads(competency) {
      stale[index] = true
    }
  }

  /// Gathers what each linked individual holds that counts on `date`, again only for those
  /// whose holdings changed since (they earned something, joined or left) or whose holdings
  /// time has changed, and moves the tallies by what they counted before and now.
  /// - Returns: the first later day on which that changes by time alone, if any.
  private mutating func collectHoldings(catalog: Catalog, on date: CivilDate, state: OrganizationState) -> CivilDate? {
    let changed = state.holdingsChanges[(holdingsKey?.revision ?? 0)...]
    if holdingsKey == nil || holdingsKey!.until.map({ date >= $0 }) ?? false {
      // Everyone: the first gathering (or with a new catalog version), or time changed someone's.
      let dirty = Set(changed)
      for individual in Set(state.members).union(counted.keys) {
        let entry = counted[individual]
        let stale = holdingsKey == nil || dirty.contains(individual) || (entry?.until.map { date >= $0 } ?? false)
        if entry == nil || stale { count(individual, catalog: catalog, on: date, state: state) }
      }
    } else {
      // Counting someone again gives what they count already: one changed twice is harmless.
      for individual in changed { count(individual, catalog: catalog, on: date, state: state) }
    }
    var until: CivilDate?
    for entry in counted.values {
      if let day = entry.until, until.map({ day < $0 }) ?? true { until = day }
    }
    return until
  }

  /// Counts `individual` with what they hold on `date` if linked, not at all if not, moving
  /// the tallies by the difference.
  private mutating func count(_ individual: String, catalog: Catalog, on date: CivilDate, state: OrganizationState) {
    let now =
      state.isMember(individual)
      ? Self.holdings(of: state.credentials[individual] ?? [:], catalog: catalog, on: date) : nil
    let before = counted[individual]
    counted[individual] = now
    if before?.bits != now?.bits {
      tally(before?.bits, -1)
      tally(now?.bits, 1)
    }
  }

  /// Adds (`sign` 1) or takes away (-1) what an individual holding `held` counts toward
  /// each individuals requirement.
  private mutating func tally(_ held: CredentialBits?, _ sign: Int) {
    guard let held else { return }
    for slot in predicates.indices where predicates[slot].holding.isSatisfied(by: held) {
      tallies[slot].qualified += sign
      if predicates[slot].ofWhom?.isSatisfied(by: held) ?? false { tallies[slot].also += sign }
    }
  }

  /// What of `credentials` counts on `date`, and the first later day on which time alone
  /// changes that, if any.
  private static func holdings(
    of credentials: [String: CredentialHolding], catalog: Catalog, on date: CivilDate
  ) -> (bits: CredentialBits, until: CivilDate?) {
    var until: CivilDate?
    func ends(_ day: CivilDate) {
      if day > date, until.map({ day < $0 }) ?? true { until = day }
    }
    var bits = CredentialBits(count: catalog.credentialNumbers.count)
    for holding in credentials.values {
      ends(holding.earned)
      if let expires = holding.expires { ends(expires) }
      if let last = catalog.credentials[holding.code]?.acceptedUntil { ends(last.adding(days: 1)) }
      if RequirementEvaluator.counts(holding, catalog: catalog, on: date),
        let number = catalog.credentialNumbers[holding.code]
      {
        bits.insert(number)
      }
    }
    return (bits, until)
  }

  /// Evaluates the levels of competency `index` of `catalog` again, in place (an evaluated
  /// day would otherwise make an array for every competency it evaluates).
  /// - Returns: whether any of them changed.
  private mutating func reevaluate(
    _ index: Int, catalog: Catalog, on date: CivilDate, state: OrganizationState
  ) -> Bool {
    var changed = false
    var earned: Level?
    for (number, path) in catalog.compiledCompetencies[index].paths.enumerated() {
      var level: Level?
      if let gold = path.gold, isMet(gold, catalog: catalog, on: date, state: state) {
        level = .gold
      } else if let silver = path.silver, isMet(silver, catalog: catalog, on: date, state: state) {
        level = .silver
      }
      if levels[index].paths[number] != level {
        levels[index].paths[number] = level
        changed = true
      }
      if let level, earned.map({ level > $0 }) ?? true { earned = level }
    }
    if levels[index].earned != earned {
      levels[index].earned = earned
      changed = true
    }
    return changed
  }

  /// Whether requirement `node` of `catalog` is met.
  private mutating func isMet(_ node: Int, catalog: Catalog, on date: CivilDate, state: OrganizationState) -> Bool {
    switch catalog.requirements.nodes[node] {
    case .allOf(let range):
      return range.allSatisfy { isMet(catalog.requirements.children[$0], catalog: catalog, on: date, state: state) }
    case .anyOf(let range):
      return range.contains { isMet(catalog.requirements.children[$0], catalog: catalog, on: date, state: state) }
    case .individuals(let slot, let count, let also):
      let tally = tallies[slot]
      return tally.qualified >= count && also.map { tally.also >= $0 } ?? true
    case .metric(let slot):
      if let met = metricMet[slot] { return met }
      let requirement = catalog.requirements.metrics[slot]
      let value =
        values[requirement.value]
        ?? MetricWindow.value(
          of: catalog.metrics[requirement.id]!, months: requirement.months, catalog: catalog, state: state, on: date,
          countingCustomers: requirement.minCustomers > 0)
      values[requirement.value] = value
      let met = MetricWindow.isMet(
        value, atLeast: requirement.threshold, minCustomers: requirement.minCustomers, market: state.market)
      metricMet[slot] = met
      return met
    case .attribute:
      return false
    }
  }

  /// What the metric outcomes were last evaluated with: the month (so the windows), the
  /// market's revision and how many figure changes had been applied.
  private struct FiguresKey {
    let month: YearMonth
    let market: Int
    var changes: Int

    /// Whether outcomes evaluated with this key still stand in `month` with `state`: the same
    /// month and market, and every figure changed since in a month after every window (a
    /// month's figures take effect on its last day, before any window reaches them).
    func stands(month: YearMonth, state: OrganizationState, catalog: Catalog) -> Bool {
      guard month == self.month, market == state.marketRevision else { return false }
      let windowsEnd = catalog.settings.metricWindowIncludesCurrentMonth ? month : month.adding(months: -1)
      return state.figureChanges[changes...].allSatisfy { $0 > windowsEnd }
    }
  }
}
