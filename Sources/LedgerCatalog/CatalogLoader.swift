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

  /// Parses and validates one catalog version.
  /// - Throws: ``CatalogError`` naming the file, the JSON path and the reason.
  public static func load(_ data: Data, file: String) throws(CatalogError) -> Catalog {
    let json: JSONValue
    do {
      json = try JSONParser.parse(data)
    } catch {
      throw CatalogError(file: file, path: "", reason: error.description)
    }
    let root = CatalogNode(file: file, path: "", value: json)
    try root.only([
      "version", "effectiveFrom", "source", "settings", "credentials", "offerTypes", "metrics",
      "acrAttributionPriority",
      "competencies",
      "specializations",
    ])
    let settings =
      try root.child("settings").map { node throws(CatalogError) in try readSettings(node) }
      ?? .defaults
    var credentials: [String: CredentialDefinition] = [:]
    for node in try root.required("credentials").array() {
      let credential = try readCredential(node)
      guard credentials[credential.code] == nil else { throw node.fail("credential \"\(credential.code)\" twice") }
      credentials[credential.code] = credential
    }
    let offerTypes =
      try root.child("offerTypes").map { node throws(CatalogError) in try readOfferTypes(node) } ?? OfferTypes([:])
    var metrics: [String: MetricDefinition] = [:]
    for node in try root.child("metrics")?.array() ?? [] {
      let metric = try readMetric(node, offerTypes: offerTypes, earlier: metrics)
      guard metrics[metric.id] == nil else { throw node.fail("metric \"\(metric.id)\" twice") }
      metrics[metric.id] = metric
    }
    let priority = try (root.child("acrAttributionPriority")?.array() ?? []).map { node throws(CatalogError) in
      try node.string()
    }
    let competencies = try root.required("competencies").array().map { node throws(CatalogError) in
      try readCompetency(node)
    }
    let specializations = try root.required("specializations").array().map { node throws(CatalogError) in
      try readSpecialization(node)
    }
    let catalog = Catalog(
      version: try root.required("version").string(), effectiveFrom: try root.required("effectiveFrom").date(),
      source: try root.child("source")?.string() ?? "", settings: settings, credentials: credentials,
      metrics: metrics, attributionPriority: priority, competencies: competencies, specializations: specializations,
      placeholders: placeholders(in: json, path: ""))
    try CatalogLoader.checkReferences(catalog, root: root)
    return catalog
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

  private static func checkReferences(_ catalog: Catalog, root: CatalogNode) throws(CatalogError) {
    var seen = Set<String>()
    for (index, competency) in catalog.competencies.enumerated() {
      let node = CatalogNode(file: root.file, path: "competencies[\(index)]", value: .null)
      guard seen.insert(competency.id).inserted else { throw node.fail("competency \"\(competency.id)\" twice") }
      let requirements = competency.paths.flatMap { [$0.silver, $0.gold].compactMap { $0 } }
      try check(requirements, of: catalog, at: node)
    }
    for (index, specialization) in catalog.specializations.enumerated() {
      let node = CatalogNode(file: root.file, path: "specializations[\(index)]", value: .null)
      guard seen.insert(specialization.id).inserted else {
        throw node.fail("id \"\(specialization.id)\" is used twice")
      }
      for id in specialization.prerequisiteGold where catalog.competency(id) == nil {
        throw node.fail("prerequisite \"\(id)\" is not a competency of this catalog")
      }
      try check(specialization.requirements.map { [$0] } ?? [], of: catalog, at: node)
    }
  }

  private static func check(
    _ requirements: [Requirement], of catalog: Catalog, at node: CatalogNode
  )
    throws(CatalogError)
  {
    for requirement in requirements {
      if let code = requirement.credentialCodes.first(where: { catalog.credentials[$0] == nil }) {
        throw node.fail("credential \"\(code)\" is not in the catalog's credentials")
      }
      if let id = requirement.metricIDs.first(where: { catalog.metrics[$0] == nil }) {
        throw node.fail("metric \"\(id)\" is not in the catalog's metrics")
      }
    }
  }
}
