public import LedgerCore

/// One version of the program's rules, in force from `effectiveFrom` until the next version.
public struct Catalog: Equatable, Sendable {
  /// The version's name (`2018-10`).
  public let version: String
  /// The first day this version is in force.
  public let effectiveFrom: CivilDate
  /// What the version says in words: its sources.
  public let source: String
  /// The answers to the ambiguous rules.
  public let settings: CatalogSettings
  /// Recognised credentials by code.
  public let credentials: [String: CredentialDefinition]
  /// Metrics by id.
  public let metrics: [String: MetricDefinition]
  /// ACR association types by attribution priority, highest first: when one amount reaches a
  /// partner through several associations, only the highest counts (rules §8.1).
  public let attributionPriority: [String]
  /// Competencies in catalog order.
  public let competencies: [CompetencyDefinition]
  /// Advanced specializations in catalog order.
  public let specializations: [SpecializationDefinition]
  /// Each credential's bit number, for ``CredentialBits``.
  public let credentialNumbers: [String: Int]
  /// Every predicate of the catalog's requirements, compiled once.
  package let compiledPredicates: [CredentialPredicate: CompiledPredicate]
  /// Every requirement of the competencies and specializations, compiled.
  package let requirements: CompiledRequirements
  /// Each competency compiled, in catalog order.
  package let compiledCompetencies: [CompiledCompetency]
  /// Each specialization's custom prerequisites as a node of ``requirements``, in
  /// ``specializations`` order.
  package let compiledSpecializations: [Int?]
  /// Every value marked as a placeholder (the public record does not give it): JSON path and why.
  public let placeholders: [(path: String, reason: String)]
  /// A digest of the version's source (its canonical JSON), empty when built in code: what
  /// tells read models folded with other rules apart, even under the same version name.
  public let digest: String

  /// Creates a catalog version; ``CatalogLoader`` validates before calling this.
  /// - Precondition: at most 512 `credentials` (the loader refuses more with the file and path).
  public init(
    version: String, effectiveFrom: CivilDate, source: String, settings: CatalogSettings,
    credentials: [String: CredentialDefinition], metrics: [String: MetricDefinition],
    attributionPriority: [String] = [], competencies: [CompetencyDefinition],
    specializations: [SpecializationDefinition],
    placeholders: [(path: String, reason: String)] = [], digest: String = ""
  ) {
    self.version = version
    self.effectiveFrom = effectiveFrom
    self.source = source
    self.settings = settings
    self.credentials = credentials
    self.metrics = metrics
    self.attributionPriority = attributionPriority
    self.competencies = competencies
    self.specializations = specializations
    self.placeholders = placeholders
    self.digest = digest
    let numbers = Dictionary(uniqueKeysWithValues: credentials.keys.sorted().enumerated().map { ($1, $0) })
    self.credentialNumbers = numbers
    var compiled: [CredentialPredicate: CompiledPredicate] = [:]
    let requirements =
      competencies.flatMap { $0.paths.flatMap { [$0.silver, $0.gold].compactMap { $0 } } }
      + specializations.compactMap(\.requirements)
    for predicate in requirements.flatMap(\.predicates) where compiled[predicate] == nil {
      compiled[predicate] = predicate.compiled(with: numbers)
    }
    self.compiledPredicates = compiled
    var nodes = CompiledRequirements()
    self.compiledCompetencies = competencies.map { CompiledCompetency($0, predicates: compiled, into: &nodes) }
    self.compiledSpecializations = specializations.map {
      $0.requirements.map { nodes.add($0, predicates: compiled) }
    }
    self.requirements = nodes
  }

  /// The credentials of `codes` as bits (codes the catalog does not know are left out).
  package func bits(of codes: some Sequence<String>) -> CredentialBits {
    var bits = CredentialBits(count: credentialNumbers.count)
    for code in codes { if let index = credentialNumbers[code] { bits.insert(index) } }
    return bits
  }

  /// `predicate` compiled with this catalog's numbering.
  package func compiled(_ predicate: CredentialPredicate) -> CompiledPredicate {
    compiledPredicates[predicate] ?? predicate.compiled(with: credentialNumbers)
  }

  public static func == (lhs: Catalog, rhs: Catalog) -> Bool {
    lhs.version == rhs.version && lhs.effectiveFrom == rhs.effectiveFrom && lhs.settings == rhs.settings
      && lhs.credentials == rhs.credentials && lhs.metrics == rhs.metrics
      && lhs.attributionPriority == rhs.attributionPriority && lhs.competencies == rhs.competencies
      && lhs.specializations == rhs.specializations
  }

  /// The competency with `id`, if the version has it.
  public func competency(_ id: String) -> CompetencyDefinition? {
    competencies.first { $0.id == id }
  }

  /// The specialization with `id`, if the version has it.
  public func specialization(_ id: String) -> SpecializationDefinition? {
    specializations.first { $0.id == id }
  }
}
