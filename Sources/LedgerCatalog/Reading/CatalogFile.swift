import LedgerCore

/// One catalog file as written, before its metrics are resolved and its references checked.
struct CatalogFile: Decodable {
  /// A metric as the file gives it: `combines` and the offer map resolve it later.
  struct Metric: Decodable {
    let id: String
    let name: String
    let source: String?
    let aggregate: String?
    let associations: [String]
    let excludedOfferTypes: [String]
    let filter: ConsumptionFilter?
    let combines: [String]?

    init(from decoder: any Decoder) throws {
      let object = try decoder.object(allowing: [
        "id", "name", "source", "aggregate", "associations", "excludedOfferTypes", "filter", "combines",
        "placeholder",
      ])
      id = try object.string("id")
      name = try object.string("name")
      source = try object.optionalString("source")
      aggregate = try object.optionalString("aggregate")
      associations = try object.strings("associations")
      excludedOfferTypes = try object.strings("excludedOfferTypes")
      filter = try object.optional(ConsumptionFilter.self, "filter")
      combines = object.has("combines") ? try object.strings("combines") : nil
    }
  }

  let version: String
  let effectiveFrom: CivilDate
  let source: String
  let settings: CatalogSettings
  let credentials: [CredentialDefinition]
  let offerTypes: [String: [String]]
  let metrics: [Metric]
  let attributionPriority: [String]
  let competencies: [CompetencyDefinition]
  let specializations: [SpecializationDefinition]

  init(from decoder: any Decoder) throws {
    let object = try decoder.object(allowing: [
      "version", "effectiveFrom", "source", "settings", "credentials", "offerTypes", "metrics",
      "acrAttributionPriority", "competencies", "specializations",
    ])
    version = try object.string("version")
    guard let effectiveFrom = try object.date("effectiveFrom") else {
      throw decoder.failure("missing \"effectiveFrom\"")
    }
    self.effectiveFrom = effectiveFrom
    source = try object.optionalString("source") ?? ""
    settings = try object.optional(CatalogSettings.self, "settings") ?? .defaults
    credentials = try object.required([CredentialDefinition].self, "credentials")
    offerTypes = try object.optional([String: [String]].self, "offerTypes") ?? [:]
    metrics = try object.optional([Metric].self, "metrics") ?? []
    attributionPriority = try object.strings("acrAttributionPriority")
    competencies = try object.required([CompetencyDefinition].self, "competencies")
    specializations = try object.required([SpecializationDefinition].self, "specializations")
  }
}
