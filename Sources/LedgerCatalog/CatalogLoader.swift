public import Foundation
import LedgerCore

/// Reads and validates catalog files: every reference resolves, every count is sensible, and
/// a bad value is reported with its file and JSON path.
public enum CatalogLoader {
  /// The catalog versions bundled with the ledger.
  /// - Throws: ``CatalogError`` when a bundled file is invalid (a build defect).
  public static func bundled() throws -> CatalogHistory {
    let folder = Bundle.module.bundleURL.appendingPathComponent("catalog")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    let files = names.filter { $0.hasSuffix(".json") }.sorted()
    guard !files.isEmpty else { throw CatalogError(file: folder.path, path: "", reason: "no bundled catalog files") }
    return CatalogHistory(
      versions: try files.map { name in
        try load(Data(contentsOf: folder.appendingPathComponent(name)), file: "catalog/\(name)")
      })
  }

  /// Parses and validates one catalog version: our parser first (it refuses duplicate
  /// members and bad UTF-8), then the `Decodable` readers, whose coding paths name where
  /// a bad value is.
  /// - Throws: ``CatalogError`` naming the file, the JSON path and the reason.
  public static func load(_ data: Data, file: String) throws(CatalogError) -> Catalog {
    let json: JSONValue
    do {
      json = try JSONParser.parse(data)
    } catch {
      throw CatalogError(file: file, path: "", reason: error.description)
    }
    let parsed: CatalogFile
    do {
      parsed = try JSONDecoder().decode(CatalogFile.self, from: data)
    } catch let error as DecodingError {
      throw CatalogReading.error(error, file: file)
    } catch {
      throw CatalogError(file: file, path: "", reason: "\(error)")
    }
    var credentials: [String: CredentialDefinition] = [:]
    for (index, credential) in parsed.credentials.enumerated() {
      guard credentials[credential.code] == nil else {
        throw CatalogError(file: file, path: "credentials[\(index)]", reason: "credential \"\(credential.code)\" twice")
      }
      credentials[credential.code] = credential
    }
    guard credentials.count <= CredentialBits.capacity else {
      throw CatalogError(
        file: file, path: "credentials",
        reason: "\(credentials.count) credentials; a catalog version numbers at most \(CredentialBits.capacity)")
    }
    let offerTypes = OfferTypes(parsed.offerTypes)
    var metrics: [String: MetricDefinition] = [:]
    for (index, entry) in parsed.metrics.enumerated() {
      let metric = try resolve(entry, at: "metrics[\(index)]", file: file, offerTypes: offerTypes, earlier: metrics)
      guard metrics[metric.id] == nil else {
        throw CatalogError(file: file, path: "metrics[\(index)]", reason: "metric \"\(metric.id)\" twice")
      }
      metrics[metric.id] = metric
    }
    let catalog = Catalog(
      version: parsed.version, effectiveFrom: parsed.effectiveFrom, source: parsed.source, settings: parsed.settings,
      credentials: credentials, metrics: metrics, attributionPriority: parsed.attributionPriority,
      competencies: parsed.competencies, specializations: parsed.specializations,
      placeholders: placeholders(in: json, path: ""),
      digest: ContentDigest.id("catalog-", of: json.canonicalBytes, length: 16))
    try checkReferences(catalog, file: file)
    return catalog
  }

  /// A metric as the catalog uses it; `combines` (consumption only) adds up earlier metrics:
  /// its filter takes a row when any of theirs does, their associations and offer
  /// exclusions must agree.
  private static func resolve(
    _ entry: CatalogFile.Metric, at path: String, file: String, offerTypes: OfferTypes,
    earlier: [String: MetricDefinition]
  ) throws(CatalogError) -> MetricDefinition {
    func fail(_ reason: String, _ member: String? = nil) -> CatalogError {
      CatalogError(file: file, path: member.map { "\(path).\($0)" } ?? path, reason: reason)
    }
    if let ids = entry.combines {
      var parts: [MetricDefinition] = []
      for id in ids {
        guard let part = earlier[id], part.source == .consumption else {
          throw fail("\"\(id)\" is no consumption metric defined before this one", "combines")
        }
        parts.append(part)
      }
      guard let first = parts.first, parts.count >= 2 else { throw fail("combine two or more metrics", "combines") }
      guard
        parts.allSatisfy({ $0.associations == first.associations && $0.excludedOfferTypes == first.excludedOfferTypes })
      else { throw fail("the combined metrics must count the same associations and offer types", "combines") }
      return MetricDefinition(
        id: entry.id, name: entry.name, source: .consumption, aggregate: .sum, associations: first.associations,
        excludedOfferTypes: first.excludedOfferTypes,
        filter: parts.contains { $0.filter == nil } ? nil : .anyOf(parts.compactMap(\.filter)), offerTypes: offerTypes,
        components: ids)
    }
    guard let sourceText = entry.source else { throw fail("missing \"source\"") }
    guard let source = MetricDefinition.Source(rawValue: sourceText) else {
      throw fail("unknown source \"\(sourceText)\" (performance or consumption)")
    }
    let aggregateText = entry.aggregate ?? "sum"
    guard let aggregate = MetricDefinition.Aggregate(rawValue: aggregateText) else {
      throw fail("unknown aggregate \"\(aggregateText)\" (sum or latest)")
    }
    if entry.filter != nil, source != .consumption { throw fail("only consumption metrics take a filter") }
    if let unknown = entry.excludedOfferTypes.first(where: { offerTypes.category(of: $0) == nil }),
      source == .consumption
    {
      throw fail("excludedOfferTypes names \"\(unknown)\", which the catalog's offerTypes map does not know")
    }
    return MetricDefinition(
      id: entry.id, name: entry.name, source: source, aggregate: aggregate, associations: entry.associations,
      excludedOfferTypes: entry.excludedOfferTypes, filter: entry.filter, offerTypes: offerTypes)
  }

  /// Every `placeholder` member of the file, with the path of the object holding it.
  private static func placeholders(in value: JSONValue, path: String) -> [(path: String, reason: String)] {
    switch value {
    case .object(let members):
      return members.flatMap { member -> [(path: String, reason: String)] in
        if member.key == "placeholder", case .string(let reason) = member.value { return [(path, reason)] }
        return placeholders(in: member.value, path: path.isEmpty ? member.key : "\(path).\(member.key)")
      }
    case .array(let elements):
      return elements.enumerated().flatMap { placeholders(in: $0.element, path: "\(path)[\($0.offset)]") }
    default:
      return []
    }
  }

  private static func checkReferences(_ catalog: Catalog, file: String) throws(CatalogError) {
    var seen = Set<String>()
    for (index, competency) in catalog.competencies.enumerated() {
      let path = "competencies[\(index)]"
      guard seen.insert(competency.id).inserted else {
        throw CatalogError(file: file, path: path, reason: "competency \"\(competency.id)\" twice")
      }
      let requirements = competency.paths.flatMap { [$0.silver, $0.gold].compactMap { $0 } }
      try check(requirements, of: catalog, file: file, path: path)
    }
    for (index, specialization) in catalog.specializations.enumerated() {
      let path = "specializations[\(index)]"
      guard seen.insert(specialization.id).inserted else {
        throw CatalogError(file: file, path: path, reason: "id \"\(specialization.id)\" is used twice")
      }
      for id in specialization.prerequisiteGold where catalog.competency(id) == nil {
        throw CatalogError(file: file, path: path, reason: "prerequisite \"\(id)\" is not a competency of this catalog")
      }
      try check(specialization.requirements.map { [$0] } ?? [], of: catalog, file: file, path: path)
    }
  }

  private static func check(
    _ requirements: [Requirement], of catalog: Catalog, file: String, path: String
  ) throws(CatalogError) {
    for requirement in requirements {
      if let code = requirement.credentialCodes.first(where: { catalog.credentials[$0] == nil }) {
        throw CatalogError(file: file, path: path, reason: "credential \"\(code)\" is not in the catalog's credentials")
      }
      if let id = requirement.metricIDs.first(where: { catalog.metrics[$0] == nil }) {
        throw CatalogError(file: file, path: path, reason: "metric \"\(id)\" is not in the catalog's metrics")
      }
    }
  }
}
