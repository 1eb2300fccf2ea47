import LedgerCatalog
import LedgerCore

/// The mutable state of one replay: the accumulated facts plus what the program derived from
/// them (display within the term, open alerts, specialization runs).
struct TimelineWalk {
  let catalogs: CatalogHistory
  var state: OrganizationState
  var shown: [String: Level] = [:]
  var risks: [String: OrganizationStatus.RenewalAlert] = [:]
  var transitions: [AlertTransition] = []
  var specializationRuns: [String: SpecializationRun] = [:]
  var reminders: [RenewalReminder] = []
  var current: CivilDate?
  /// The last day's evaluation, kept for snapshots.
  var attainment: [CompetencyAttainment] = []
  /// What the last evaluations found, for the next day's.
  var memo = AttainmentMemo()
  /// The replay for audits, kept only when asked for (``HistoryEntry``).
  var journal: [HistoryEntry]?
  var lastSnapshot = OrganizationSnapshot()
  /// The status after every visited day, kept only when asked for (``StatusTimeline``).
  var statusTimeline: StatusTimeline?
  /// The status timeline's word templates of the current month, for statuses whose words the
  /// memo did not give.
  var wordTemplates = MonthTemplate.Cache()

  init(org: String, catalogs: CatalogHistory) {
    self.catalogs = catalogs
    self.state = OrganizationState(org: org)
  }

  /// Applies the events effective on or before `end`, evaluating after each change.
  mutating func run(_ events: [RecordedEvent], through end: CivilDate) {
    var index = 0
    while true {
      let nextEvent = index < events.count && events[index].effective <= end ? events[index].effective : nil
      let nextTime = current.flatMap { nextTimePoint(after: $0) }.flatMap { $0.date <= end ? $0 : nil }
      if let time = nextTime, nextEvent.map({ time.date <= $0 }) ?? true {
        evaluate(on: time.date, cause: .timeDriven(time.reasons.joined(separator: "; ")))
        record(on: time.date, .timeDriven(time.reasons))
        noteStatus(on: time.date)
        continue
      }
      guard let date = nextEvent else { return }
      // A day of inert events only shows what the day before showed.
      var shownMayChange = false
      while index < events.count, events[index].effective == date {
        let event = events[index]
        index += 1
        let termBefore = state.membership.map { TermKey(start: $0.start, level: $0.level) }
        let inert = isInert(event.event)
        shownMayChange = shownMayChange || !inert
        state.apply(event, settings: settingsView(on: date))
        if termBefore != state.membership.map({ TermKey(start: $0.start, level: $0.level) }) {
          startTerm(on: date, cause: .event(event.id), reason: .newTerm)
        }
        let batchesWithNext =
          index < events.count && events[index].effective == date && event.event.isMonthlyFigure
          && events[index].event.isMonthlyFigure
        if batchesWithNext || inert {
          current = date
        } else {
          evaluate(on: date, cause: .event(event.id))
        }
        record(on: date, .event(event))
      }
      if shownMayChange { noteStatus(on: date) }
    }
  }

  /// Adds the status after `date` to the status timeline, when it is kept.
  mutating func noteStatus(on date: CivilDate) {
    guard statusTimeline != nil else { return }
    let (status, wordsAreTemplates) = lastStatus(asOf: date, asTemplates: true)
    statusTimeline?.note(
      wordsAreTemplates ? status : status.templated(relativeTo: YearMonth(date), cache: &wordTemplates))
  }

  /// The status on `date`, once the walk ran through it, from the walk's own last evaluation.
  mutating func walkedStatus(asOf date: CivilDate) -> OrganizationStatus {
    lastStatus(asOf: date, asTemplates: false).status
  }

  /// The status on `date`, once the walk ran through it: every day on which time alone changes
  /// something is a time point the walk evaluated, so the competencies' levels on `date` are
  /// the last evaluated ones. With `asTemplates`, the specializations' words are the memo's,
  /// templates relative to the month (``MonthTemplate``), unless the walk does not use the
  /// memo (a cap on competencies per individual: who counts where needs the evidence).
  private mutating func lastStatus(
    asOf date: CivilDate, asTemplates: Bool
  ) -> (status: OrganizationStatus, wordsAreTemplates: Bool) {
    let catalog = catalogs.catalog(on: date)
    guard catalog.settings.maxCompetenciesPerIndividual == nil else { return (status(asOf: date), false) }
    // Before the first evaluation (only inert events so far) there is no attainment to reuse.
    // Inert or batched events may have come since the last evaluation, and the month (so the
    // metric windows) may have moved on: the memo catches up.
    _ = memo.attainment(catalog: catalog, on: date, state: state)
    let outcomes = memo.specializationOutcomes(catalog: catalog, on: date, state: state, templates: asTemplates)
    return (status(asOf: date, attainment: attainment.isEmpty ? nil : attainment, outcomes: outcomes), asTemplates)
  }

  /// Whether applying `event` cannot change what this organization shows: a credential earned
  /// by someone not associated with it, or an association or departure elsewhere of someone
  /// not associated with it.
  func isInert(_ event: LedgerEvent) -> Bool {
    let org = state.org
    switch event {
    case .credentialEarned(let earned): return state.associations[earned.individual]?.org != org
    case .individualAssociated(let associated):
      return associated.org != org && state.associations[associated.individual]?.org != org
    case .individualDeparted(let departed):
      return departed.org != org || state.associations[departed.individual]?.org != org
    case .roleGranted, .roleRevoked, .tokenIssued, .tokenRevoked: return true
    default: return false
    }
  }

  func settingsView(on date: CivilDate) -> CatalogSettingsView {
    let settings = catalogs.catalog(on: date).settings
    return CatalogSettingsView(
      overrideMonths: settings.overrideMonths, renewalWindowOpensAfterDays: settings.renewalWindowOpensAfterDays,
      renewalGraceDays: settings.renewalGraceDays)
  }

  /// A new term (purchase, upgrade, renewal): the display starts again from what is attained.
  mutating func startTerm(on date: CivilDate, cause: ChangeCause, reason: AlertTransition.ClearReason) {
    shown = [:]
    clearRisks(on: date, cause: cause, reason: reason)
  }

  mutating func clearRisks(on date: CivilDate, cause: ChangeCause, reason: AlertTransition.ClearReason) {
    for competency in risks.keys.sorted() {
      transitions.append(.init(competency: competency, state: .cleared, effective: date, cause: cause, reason: reason))
    }
    risks = [:]
  }

  /// Evaluates the day: membership term changes, attainment, display, alerts, specializations.
  mutating func evaluate(on date: CivilDate, cause: ChangeCause) {
    current = date
    let catalog = catalogs.catalog(on: date)
    // With a cap on competencies per individual, who counts where needs the evidence.
    let attainment =
      catalog.settings.maxCompetenciesPerIndividual == nil
      ? memo.attainment(catalog: catalog, on: date, state: state)
      : CompetencyAttainment.evaluate(
        catalog: catalog, evaluator: RequirementEvaluator(catalog: catalog, date: date, state: state))
    self.attainment = attainment
    if let term = state.membership, date >= term.anniversary, var next = term.advanced() {
      // Downgrade at renewal (rules §3.4): when Gold no longer passes, only Silver renews.
      if catalog.settings.downgradeAtRenewal, next.level == .gold, !attainment.contains(where: { $0.attained == .gold })
      {
        next = next.downgraded()
      }
      state.membership = next
      startTerm(on: date, cause: .event(next.event), reason: .renewed)
    }
    if let term = state.membership, date >= term.lapsesOn { state.membership = nil }
    if let term = state.membership { noteReminder(term, on: date, settings: catalog.settings) }
    guard let term = state.membership else {
      shown = [:]
      clearRisks(on: date, cause: cause, reason: .lapsed)
      updateSpecializations(catalog: catalog, on: date, attainment: attainment)
      return
    }
    for entry in attainment {
      guard let level = entry.attained.map({ min($0, term.level) }) else { continue }
      shown[entry.competency] = max(shown[entry.competency] ?? level, level)
    }
    for (competency, displayed) in shown.sorted(by: { $0.key < $1.key }) {
      let attained = attainment.first { $0.competency == competency }?.attained
      // At risk from the drop until it is met again, renewed or lapsed: through the renewal
      // window too, where the display (and the unmet requirement) still stand.
      let atRisk = date < term.lapsesOn && (attained.map { $0 < displayed } ?? true)
      if atRisk, risks[competency] == nil {
        risks[competency] = .init(competency: competency, level: displayed, since: date, cause: cause)
        transitions.append(.init(competency: competency, state: .raised, effective: date, cause: cause))
      } else if !atRisk, risks[competency] != nil {
        risks[competency] = nil
        transitions.append(
          .init(competency: competency, state: .cleared, effective: date, cause: cause, reason: .metAgain))
      }
    }
    updateSpecializations(catalog: catalog, on: date, attainment: attainment)
  }

  /// The specializations' custom prerequisites of `catalog`, evaluated afresh by `evaluator`.
  static func evaluatedOutcomes(of catalog: Catalog, by evaluator: RequirementEvaluator) -> [RequirementOutcome?] {
    catalog.specializations.map { $0.requirements.map(evaluator.evaluate) }
  }

  /// Starts, holds, renews and ends the specializations' active runs (``SpecializationRun``).
  mutating func updateSpecializations(catalog: Catalog, on date: CivilDate, attainment: [CompetencyAttainment]) {
    let settings = catalog.settings
    // A run ends at once when the aligned Gold membership is gone (when the catalog asks for
    // one); within its year it holds whatever else changes.
    let goldMember = state.membership.map { $0.level == .gold && date < $0.lapsesOn } ?? false
    if settings.specializationNeedsActiveGold, !goldMember { specializationRuns = [:] }
    // Every specialization needs an aligned Gold: without any, none starts or renews.
    let anyGold = attainment.contains { $0.attained == .gold }
    guard anyGold || !specializationRuns.isEmpty else { return }
    // Only whether each one's custom prerequisites are met: the memo answers without words.
    let met =
      catalog.settings.maxCompetenciesPerIndividual == nil
      ? memo.specializationsMet(catalog: catalog, on: date, state: state)
      : Self.evaluatedOutcomes(
        of: catalog, by: RequirementEvaluator(catalog: catalog, date: date, state: state, withEvidence: false)
      ).map { $0?.met }
    for (definition, requirementsMet) in zip(catalog.specializations, met) {
      let run = specializationRuns[definition.id]
      if let run, date < run.anniversary { continue }
      let active =
        anyGold
        && SpecializationCheck.stage(
          of: definition, catalog: catalog, state: state, date: date,
          alignedGold: SpecializationCheck.alignedGold(
            of: definition, catalog: catalog, state: state, date: date, attainment: attainment),
          requirementsMet: requirementsMet) == .active
      switch (run, active) {
      case (nil, true):
        specializationRuns[definition.id] = SpecializationRun(
          since: date, validityMonths: settings.specializationValidityMonths)
      case (let run?, true):
        specializationRuns[definition.id] = run.renewed(validityMonths: settings.specializationValidityMonths)
      case (.some, false): specializationRuns[definition.id] = nil
      case (nil, false): break
      }
    }
  }
}

/// What identifies a membership term: a purchase or upgrade changes it, a pending renewal does not.
private struct TermKey: Equatable {
  let start: CivilDate
  let level: Level
}

extension LedgerEvent {
  /// Monthly figures arrive in bulk; a run of them on one day is evaluated once.
  var isMonthlyFigure: Bool {
    switch self {
    case .performanceReported, .consumptionReported: true
    default: false
    }
  }
}
