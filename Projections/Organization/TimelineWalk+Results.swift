import LedgerCatalog
import LedgerCore

extension TimelineWalk {
  /// Whether a renewal at `level` passes the attainment gate: a competency (or an override
  /// in force) attained at that level. The `renew` command decides by this.
  static func canRenew(at level: Level, attainment: [CompetencyAttainment]) -> Bool {
    attainment.contains { ($0.attained.map { $0 >= level }) ?? false }
  }

  /// The status on `date`, after the walk ran through it. `attainment`, when given, is the
  /// walk's own evaluation of the day (the competencies' levels are all the status reads of it),
  /// and `outcomes` its specializations' custom prerequisites in words (``AttainmentMemo``).
  func status(
    asOf date: CivilDate, attainment known: [CompetencyAttainment]? = nil, outcomes: [RequirementOutcome?]? = nil
  ) -> OrganizationStatus {
    let catalog = catalogs.catalog(on: date)
    // The status shows what is missing in words, never the evidence behind it.
    let evaluator =
      known != nil && outcomes != nil
      ? nil : RequirementEvaluator(catalog: catalog, date: date, state: state, withEvidence: false, withWords: true)
    let attainment =
      known
      ?? CompetencyAttainment.evaluate(
        catalog: catalog,
        evaluator: catalog.settings.maxCompetenciesPerIndividual == nil
          ? evaluator! : RequirementEvaluator(catalog: catalog, date: date, state: state))
    let term = state.membership.flatMap { $0.lapsesOn > date ? $0 : nil }
    let membership = term.map {
      OrganizationStatus.Membership(
        level: $0.level, since: $0.since, anniversary: $0.anniversary, inGrace: $0.isInGrace(on: date),
        renewalWindowOpens: $0.windowOpens, lapsesOn: $0.lapsesOn,
        renewalDue: $0.isInGrace(on: date) && $0.pendingRenewal == nil,
        renewalPossible: Self.canRenew(at: $0.level, attainment: attainment))
    }
    let competencies = attainment.compactMap { entry -> OrganizationStatus.CompetencyStatus? in
      let displayed = term == nil ? nil : shown[entry.competency]
      guard entry.attained != nil || displayed != nil || entry.override != nil else { return nil }
      return .init(
        competency: entry.competency, attained: entry.attained, earned: entry.earned, displayed: displayed,
        atRisk: risks[entry.competency] != nil, override: entry.override,
        paths: Dictionary(uniqueKeysWithValues: entry.paths.map { ($0.id, $0.level) }))
    }
    return OrganizationStatus(
      org: state.org, name: state.name, asOf: date, catalogVersion: catalog.version, membership: membership,
      competencies: competencies,
      specializations: specializationStatuses(
        catalog: catalog, on: date, attainment: attainment,
        outcomes: outcomes ?? Self.evaluatedOutcomes(of: catalog, by: evaluator!)),
      alerts: risks.values.sorted { ($0.since, $0.competency) < ($1.since, $1.competency) },
      alertTransitions: transitions)
  }

  /// Where each specialization of `catalog` stands on `date`, given each one's custom
  /// prerequisites' outcome in words.
  private func specializationStatuses(
    catalog: Catalog, on date: CivilDate, attainment: [CompetencyAttainment], outcomes: [RequirementOutcome?]
  ) -> [SpecializationStatus] {
    zip(catalog.specializations, outcomes).map { definition, outcome in
      let check = SpecializationCheck(
        definition: definition, catalog: catalog, state: state, date: date, attainment: attainment,
        requirementOutcome: outcome)
      let run = specializationRuns[definition.id]
      let metToday = check.stage == .active
      let beforeAudit = check.missingBeforeAudit
      return SpecializationStatus(
        specialization: definition.id, stage: run != nil ? .active : (metToday ? .prerequisitesMet : check.stage),
        activeSince: run?.since, anniversary: run?.anniversary, heldByValidityYear: run != nil && !metToday,
        auditValidUntil: check.auditValidUntil, approvedReferences: check.approvedReferences,
        references: (state.references[definition.id] ?? [:]).mapValues(\.status),
        auditPending: state.audits[definition.id]?.scheduled != nil,
        missing: metToday ? [] : check.missing(after: beforeAudit), missingBeforeAudit: beforeAudit)
    }
  }

  func explain(_ id: String, on date: CivilDate) -> Explanation? {
    let catalog = catalogs.catalog(on: date)
    let evaluator = RequirementEvaluator(catalog: catalog, date: date, state: state)
    let attainment = CompetencyAttainment.evaluate(catalog: catalog, evaluator: evaluator)
    if let definition = catalog.competency(id), let entry = attainment.first(where: { $0.competency == id }) {
      var parts: [Explanation.Part] = []
      for (path, evaluated) in zip(definition.paths, entry.paths) {
        if let silver = evaluated.silver { parts.append(.init(title: "\(path.name), silver", outcome: silver)) }
        if let gold = evaluated.gold { parts.append(.init(title: "\(path.name), gold", outcome: gold)) }
      }
      var result = entry.earned?.rawValue ?? "none"
      if let grant = entry.override {
        result =
          "\(entry.attained!.rawValue) (override to \(grant.level.rawValue) until \(grant.expires); requirements alone: \(result))"
      }
      return Explanation(
        id: id, name: definition.name, kind: "competency", asOf: date, result: result, parts: parts)
    }
    guard let definition = catalog.specialization(id) else { return nil }
    let check = SpecializationCheck(definition: definition, evaluator: evaluator, attainment: attainment)
    var parts = [
      Explanation.Part(
        title: "aligned Gold competency",
        outcome: RequirementOutcome(
          summary: "Gold in " + definition.prerequisiteGold.joined(separator: " or ")
            + (catalog.settings.specializationNeedsActiveGold ? ", with a Gold membership in force" : ""),
          met: check.alignedGold != nil, individuals: [], figure: nil,
          parts: definition.prerequisiteGold.map { competency in
            let level = attainment.first { $0.competency == competency }?.attained
            return RequirementOutcome(
              summary: "\(competency): \(level?.rawValue ?? "none")", met: level == .gold, individuals: [],
              figure: nil, parts: [])
          }))
    ]
    if let outcome = check.requirementOutcome { parts.append(.init(title: "custom prerequisites", outcome: outcome)) }
    if definition.needsAudit {
      let valid = check.auditValidUntil.map { date < $0 } ?? false
      let summary = check.auditValidUntil.map { "a passed audit, valid until \($0)" } ?? "a passed audit (none yet)"
      parts.append(
        .init(
          title: "third-party audit",
          outcome: .init(summary: summary, met: valid, individuals: [], figure: nil, parts: [])))
    }
    if definition.references > 0 {
      parts.append(
        .init(
          title: "customer references",
          outcome: .init(
            summary: "\(definition.references) approved customer references (\(check.approvedReferences) approved)",
            met: check.approvedReferences >= definition.references, individuals: [], figure: nil, parts: [])))
    }
    return Explanation(
      id: id, name: definition.name, kind: "specialization", asOf: date, result: check.stage.rawValue, parts: parts)
  }
}
