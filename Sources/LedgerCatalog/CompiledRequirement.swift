/// A requirement compiled against its catalog: credential predicates as bit masks and every
/// metric requirement numbered, so a replay can test it day after day without hashing and
/// remember each metric's outcome while its inputs stand still. Not `indirect` (the parts'
/// arrays already box), so matching a case retains no box.
package enum CompiledRequirement: Sendable {
  /// Every part must be met.
  case allOf([CompiledRequirement])
  /// At least one part must be met.
  case anyOf([CompiledRequirement])
  /// `count` individuals each satisfying `holding`, `ofWhom.count` of them also `ofWhom.holding`;
  /// numbered `slot` among the catalog's individuals requirements.
  case individuals(
    slot: Int, count: Int, holding: CompiledPredicate, ofWhom: (count: Int, holding: CompiledPredicate)?)
  /// A metric requirement, numbered `slot` among the catalog's metric requirements.
  case metric(slot: Int, id: String, atLeast: Threshold, months: Int, minCustomers: Int)
  /// An external attribute: no event records attributes yet, so it is never met.
  case attribute
}

/// One competency's paths compiled, and which kinds of facts they read.
package struct CompiledCompetency: Sendable {
  /// Each path's Silver and Gold requirements, in the definition's order.
  package let paths: [(silver: CompiledRequirement?, gold: CompiledRequirement?)]
  /// Whether a path counts individuals (so holdings matter).
  package let readsHoldings: Bool
  /// Whether a path has a metric requirement (so figures, market and month matter).
  package let readsFigures: Bool

  init(_ definition: CompetencyDefinition, predicates: [CredentialPredicate: CompiledPredicate], slots: inout Slots) {
    paths = definition.paths.map { path in
      (
        silver: path.silver?.compiled(predicates: predicates, slots: &slots),
        gold: path.gold?.compiled(predicates: predicates, slots: &slots)
      )
    }
    let requirements = definition.paths.flatMap { [$0.silver, $0.gold].compactMap { $0 } }
    readsHoldings = requirements.contains { !$0.predicates.isEmpty }
    readsFigures = requirements.contains { !$0.metricIDs.isEmpty }
  }

  /// The next free number of each kind of requirement.
  package struct Slots: Sendable {
    /// Individuals requirements numbered so far.
    package var individuals = 0
    /// Metric requirements numbered so far.
    package var metrics = 0
  }
}

extension CompiledRequirement {
  /// The predicates of every individuals requirement among `requirements`, by slot; each of
  /// the `slots` slots must be numbered there.
  static func individualsPredicates(
    of requirements: [CompiledRequirement], slots: Int
  ) -> [(holding: CompiledPredicate, ofWhom: CompiledPredicate?)] {
    var bySlot = [(holding: CompiledPredicate, ofWhom: CompiledPredicate?)?](repeating: nil, count: slots)
    func visit(_ requirement: CompiledRequirement) {
      switch requirement {
      case .allOf(let parts), .anyOf(let parts): parts.forEach(visit)
      case .individuals(let slot, _, let holding, let ofWhom): bySlot[slot] = (holding, ofWhom?.holding)
      case .metric, .attribute: break
      }
    }
    requirements.forEach(visit)
    return bySlot.map { $0! }
  }
}

extension Requirement {
  /// The requirement compiled with `predicates`; each individuals and metric requirement
  /// takes the next slot of its kind.
  func compiled(
    predicates: [CredentialPredicate: CompiledPredicate], slots: inout CompiledCompetency.Slots
  ) -> CompiledRequirement {
    switch self {
    case .allOf(let parts):
      return .allOf(parts.map { $0.compiled(predicates: predicates, slots: &slots) })
    case .anyOf(let parts):
      return .anyOf(parts.map { $0.compiled(predicates: predicates, slots: &slots) })
    case .individuals(let count, let holding, let ofWhom):
      defer { slots.individuals += 1 }
      return .individuals(
        slot: slots.individuals, count: count, holding: predicates[holding]!,
        ofWhom: ofWhom.map { (count: $0.count, holding: predicates[$0.holding]!) })
    case .metric(let id, let threshold, let months, let minCustomers):
      defer { slots.metrics += 1 }
      return .metric(slot: slots.metrics, id: id, atLeast: threshold, months: months, minCustomers: minCustomers)
    case .attribute:
      return .attribute
    }
  }
}
