/// One competency's paths compiled (``CompiledRequirements``), and which kinds of facts they read.
package struct CompiledCompetency: Sendable {
  /// Each path's Silver and Gold requirements as node numbers, in the definition's order.
  package let paths: [(silver: Int?, gold: Int?)]
  /// Whether a path counts individuals (so holdings matter).
  package let readsHoldings: Bool
  /// Whether a path has a metric requirement (so figures, market and month matter).
  package let readsFigures: Bool

  /// Compiles `definition`'s paths into `requirements` with `predicates`.
  init(
    _ definition: CompetencyDefinition, predicates: [CredentialPredicate: CompiledPredicate],
    into requirements: inout CompiledRequirements
  ) {
    paths = definition.paths.map { path in
      (
        silver: path.silver.map { requirements.add($0, predicates: predicates) },
        gold: path.gold.map { requirements.add($0, predicates: predicates) }
      )
    }
    let all = definition.paths.flatMap { [$0.silver, $0.gold].compactMap { $0 } }
    readsHoldings = all.contains { !$0.predicates.isEmpty }
    readsFigures = all.contains { !$0.metricIDs.isEmpty }
  }
}
