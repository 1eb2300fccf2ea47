import LedgerCatalog
import LedgerCore

/// Where one specialization stands on a day, and what it is missing.
struct SpecializationCheck {
  let definition: SpecializationDefinition
  let catalog: Catalog
  let state: OrganizationState
  let attainment: [CompetencyAttainment]
  let date: CivilDate
  /// The custom prerequisites' evaluation, computed once.
  let requirementOutcome: RequirementOutcome?
  /// The aligned Gold competency that counts, if any: attained Gold, and (by default) a Gold
  /// membership in force, which together make the competency active.
  let alignedGold: String?

  /// The check on the evaluator's day, its custom prerequisites evaluated by `evaluator`.
  init(definition: SpecializationDefinition, evaluator: RequirementEvaluator, attainment: [CompetencyAttainment]) {
    self.init(
      definition: definition, catalog: evaluator.catalog, state: evaluator.state, date: evaluator.date,
      attainment: attainment, requirementOutcome: definition.requirements.map(evaluator.evaluate))
  }

  /// The check on `date`, given its custom prerequisites' outcome.
  init(
    definition: SpecializationDefinition, catalog: Catalog, state: OrganizationState, date: CivilDate,
    attainment: [CompetencyAttainment], requirementOutcome: RequirementOutcome?
  ) {
    self.definition = definition
    self.catalog = catalog
    self.state = state
    self.attainment = attainment
    self.date = date
    self.requirementOutcome = requirementOutcome
    self.alignedGold = Self.alignedGold(
      of: definition, catalog: catalog, state: state, date: date, attainment: attainment)
  }

  /// The aligned Gold competency of `definition` that counts on `date`, if any (``alignedGold``).
  static func alignedGold(
    of definition: SpecializationDefinition, catalog: Catalog, state: OrganizationState, date: CivilDate,
    attainment: [CompetencyAttainment]
  ) -> String? {
    let goldMember = state.membership.map { $0.level == .gold && date < $0.lapsesOn } ?? false
    let needsActive = catalog.settings.specializationNeedsActiveGold
    return definition.prerequisiteGold.first { id in
      let attained = attainment.first { $0.competency == id }?.attained == .gold
      return attained && (goldMember || !needsActive)
    }
  }

  var auditValidUntil: CivilDate? { Self.auditValidUntil(of: definition, catalog: catalog, state: state) }

  var approvedReferences: Int { Self.approvedReferences(of: definition, state: state) }

  /// The day `definition`'s last passed audit stops counting (``auditValidUntil``).
  static func auditValidUntil(
    of definition: SpecializationDefinition, catalog: Catalog, state: OrganizationState
  ) -> CivilDate? {
    state.audits[definition.id]?.lastPass.map { $0.date.adding(months: catalog.settings.auditValidityMonths) }
  }

  /// How many of `definition`'s customer references are approved (``approvedReferences``).
  static func approvedReferences(of definition: SpecializationDefinition, state: OrganizationState) -> Int {
    (state.references[definition.id] ?? [:]).values.filter { $0.status == .approved }.count
  }

  /// What stands between the organization and an active specialization, in words.
  var missing: [String] { missing(after: missingBeforeAudit) }

  /// ``missing``, given ``missingBeforeAudit``: those, then the audit when it is missing.
  func missing(after beforeAudit: [String]) -> [String] {
    guard definition.needsAudit && !(auditValidUntil.map { date < $0 } ?? false) else { return beforeAudit }
    return beforeAudit + ["a passed third-party audit within \(catalog.settings.auditValidityMonths) months"]
  }

  /// Every prerequisite but the audit that is not met: an audit may be scheduled only when
  /// this is empty.
  var missingBeforeAudit: [String] {
    var missing: [String] = []
    if alignedGold == nil {
      let names = definition.prerequisiteGold.joined(separator: " or ")
      let active = catalog.settings.specializationNeedsActiveGold ? "an active " : ""
      missing.append("\(active)Gold competency in \(names)")
    }
    if let outcome = requirementOutcome { missing += outcome.unmetParts }
    if approvedReferences < definition.references {
      missing.append("\(definition.references - approvedReferences) more approved customer reference(s)")
    }
    return missing
  }

  var stage: SpecializationStatus.Stage {
    Self.stage(
      of: definition, catalog: catalog, state: state, date: date, alignedGold: alignedGold,
      requirementsMet: requirementOutcome?.met)
  }

  /// ``stage``, from whether the custom prerequisites are met (nil when there are none),
  /// without their words.
  static func stage(
    of definition: SpecializationDefinition, catalog: Catalog, state: OrganizationState, date: CivilDate,
    alignedGold: String?, requirementsMet: Bool?
  ) -> SpecializationStatus.Stage {
    let prerequisitesMet = alignedGold != nil && (requirementsMet ?? true)
    guard prerequisitesMet else { return .notStarted }
    let auditValidUntil = Self.auditValidUntil(of: definition, catalog: catalog, state: state)
    let approvedReferences = Self.approvedReferences(of: definition, state: state)
    let auditMet = !definition.needsAudit || (auditValidUntil.map { date < $0 } ?? false)
    if auditMet && approvedReferences >= definition.references { return .active }
    if definition.needsAudit, state.audits[definition.id]?.scheduled != nil { return .auditScheduled }
    if definition.references > 0,
      (state.references[definition.id] ?? [:]).values.contains(where: { $0.status == .submitted })
    {
      return .referencesSubmitted
    }
    return .prerequisitesMet
  }
}
