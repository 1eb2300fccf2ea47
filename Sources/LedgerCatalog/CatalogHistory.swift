public import LedgerCore

/// Every version of the rules, ordered by `effectiveFrom`; answers which version is in force
/// on a date.
public struct CatalogHistory: Sendable {
  /// The versions, oldest first.
  public let versions: [Catalog]

  /// Orders the versions; there must be at least one.
  public init(versions: [Catalog]) {
    precondition(!versions.isEmpty, "a catalog history needs a version")
    self.versions = versions.sorted { $0.effectiveFrom < $1.effectiveFrom }
  }

  /// The version in force on `date`: the latest whose `effectiveFrom` is on or before it, or
  /// the oldest for dates before every version.
  public func catalog(on date: CivilDate) -> Catalog {
    versions.last { $0.effectiveFrom <= date } ?? versions[0]
  }

  /// Whether any version knows the credential `code`.
  public func knowsCredential(_ code: String) -> Bool {
    versions.contains { $0.credentials[code] != nil }
  }

  /// Whether any version knows the competency `id`.
  public func knowsCompetency(_ id: String) -> Bool {
    versions.contains { $0.competency(id) != nil }
  }

  /// Whether any version knows the specialization `id`.
  public func knowsSpecialization(_ id: String) -> Bool {
    versions.contains { $0.specialization(id) != nil }
  }

  /// Whether any version knows the performance metric `id`.
  public func knowsMetric(_ id: String) -> Bool {
    versions.contains { $0.metrics[id] != nil }
  }
}
