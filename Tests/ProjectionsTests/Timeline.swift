import LedgerCatalog
import LedgerCore
import LedgerTestSupport
import Projections

/// The bundled catalog, loaded once for the projection tests.
let bundledCatalogs = try! CatalogLoader.bundled()

/// The bundled catalog with `change` made to the settings of every version.
func bundledCatalogs(changing change: (inout CatalogSettings) -> Void) -> CatalogHistory {
  CatalogHistory(
    versions: bundledCatalogs.versions.map { version in
      var settings = version.settings
      change(&settings)
      return Catalog(
        version: version.version, effectiveFrom: version.effectiveFrom, source: version.source, settings: settings,
        credentials: version.credentials, metrics: version.metrics, attributionPriority: version.attributionPriority,
        competencies: version.competencies, specializations: version.specializations,
        placeholders: version.placeholders, digest: version.digest)
    })
}

extension HistoryBuilder {
  /// The status of `org` on `date` by full replay of this history.
  func status(_ org: String, on date: String, catalogs: CatalogHistory = bundledCatalogs) -> OrganizationStatus {
    OrganizationTimeline(catalogs: catalogs, facts: OrganizationFacts(org: org, events: visibleEvents))
      .status(asOf: Samples.date(date))
  }

  /// The level attained in `competency` by `org` on `date`.
  func attained(_ competency: String, _ org: String, on date: String) -> Level? {
    status(org, on: date).competencies.first { $0.competency == competency }?.attained
  }
}

extension OrganizationStatus {
  func competency(_ id: String) -> CompetencyStatus? {
    competencies.first { $0.competency == id }
  }

  func specialization(_ id: String) -> SpecializationStatus {
    specializations.first { $0.specialization == id }!
  }
}
