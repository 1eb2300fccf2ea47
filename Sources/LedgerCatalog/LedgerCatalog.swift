// LedgerCatalog: the program's rules as data, versioned by effective date.
//
// Lives here: `Catalog` and `CatalogHistory`, the definitions (competencies, paths,
// requirements, credentials, metrics, specializations, settings), the `Decodable` readers
// with their checks (Reading/), and the bundled catalog files (Resources/catalog).
//
// Does not live here: evaluating a requirement against an organization (Projections).
