import LedgerCatalog
import LedgerCore

extension InputBatch {
  /// Refuses events naming credentials, competencies, specializations or metrics the catalog
  /// does not know.
  mutating func check(against catalogs: CatalogHistory) {
    check { catalogs.problem(with: $0) }
  }
}
