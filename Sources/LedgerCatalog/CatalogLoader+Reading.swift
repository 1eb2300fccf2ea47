import Foundation
import LedgerCore

extension CatalogLoader {
  static func readSettings(_ node: CatalogNode) throws(CatalogError) -> CatalogSettings {
    var settings = CatalogSettings.defaults
    try node.only([
      "overrideMonths", "renewalWindowOpensAfterDays", "renewalGraceDays", "maxCompetenciesPerIndividual",
      "downgradeAtRenewal", "metricWindowIncludesCurrentMonth", "specializationNeedsActiveGold",
      "auditValidityMonths", "specializationValidityMonths", "reminderDaysBeforeAnniversary",
      "reminderDaysAfterAnniversary", "associationsPerYear", "daysBetweenAssociations",
    ])
    func integer(_ key: String, minimum: Int = 0) throws(CatalogError) -> Int? {
      try node.child(key)?.integer(minimum: minimum)
    }
    if let value = try integer("overrideMonths", minimum: 1) { settings.overrideMonths = value }
    if let value = try integer("renewalWindowOpensAfterDays") { settings.renewalWindowOpensAfterDays = value }
    if let value = try integer("renewalGraceDays") { settings.renewalGraceDays = value }
    settings.maxCompetenciesPerIndividual = try integer("maxCompetenciesPerIndividual", minimum: 1)
    if let value = try node.child("downgradeAtRenewal")?.bool() { settings.downgradeAtRenewal = value }
    if let value = try node.child("metricWindowIncludesCurrentMonth")?.bool() {
      settings.metricWindowIncludesCurrentMonth = value
    }
    if let value = try node.child("specializationNeedsActiveGold")?.bool() {
      settings.specializationNeedsActiveGold = value
    }
    if let value = try integer("auditValidityMonths", minimum: 1) { settings.auditValidityMonths = value }
    if let value = try integer("specializationValidityMonths", minimum: 1) {
      settings.specializationValidityMonths = value
    }
    if let value = try integer("reminderDaysBeforeAnniversary") { settings.reminderDaysBeforeAnniversary = value }
    if let value = try integer("reminderDaysAfterAnniversary") { settings.reminderDaysAfterAnniversary = value }
    if let value = try integer("associationsPerYear", minimum: 1) { settings.associationsPerYear = value }
    if let value = try integer("daysBetweenAssociations") { settings.daysBetweenAssociations = value }
    return settings
  }

  static func readCredential(_ node: CatalogNode) throws(CatalogError) -> CredentialDefinition {
    try node.only(["code", "name", "kind", "retired", "acceptedUntil"])
    let kindText = try node.required("kind").string()
    guard let kind = CredentialDefinition.Kind(rawValue: kindText) else {
      throw node.fail("unknown kind \"\(kindText)\" (exam, assessment or certification)")
    }
    let retired = try node.child("retired")?.date()
    // Retired credentials stay accepted for twelve months unless the program said otherwise (rules §6).
    let acceptedUntil = try node.child("acceptedUntil")?.date() ?? retired?.adding(months: 12)
    return CredentialDefinition(
      code: try node.required("code").string(), name: try node.required("name").string(), kind: kind,
      retired: retired, acceptedUntil: acceptedUntil)
  }

  /// `{"trial": ["Free Trial", …], "benefits": […], …}`: the catalog's offer map.
  static func readOfferTypes(_ node: CatalogNode) throws(CatalogError) -> OfferTypes {
    guard case .object(let members) = node.value else { throw node.fail("expected an object of offer categories") }
    var names: [String: [String]] = [:]
    for member in members {
      let category = CatalogNode(file: node.file, path: node.path + "." + member.key, value: member.value)
      names[member.key] = try category.array().map { item throws(CatalogError) in try item.string() }
    }
    return OfferTypes(names)
  }

  /// A metric; `combines` (consumption only) adds up earlier metrics: its filter takes a row
  /// when any of theirs does, their associations and offer exclusions must agree.
  static func readMetric(
    _ node: CatalogNode, offerTypes: OfferTypes, earlier: [String: MetricDefinition]
  ) throws(CatalogError) -> MetricDefinition {
    try node.only([
      "id", "name", "source", "aggregate", "associations", "excludedOfferTypes", "filter", "combines", "placeholder",
    ])
    if let combines = node.child("combines") {
      let ids = try combines.array().map { item throws(CatalogError) in try item.string() }
      let parts = try ids.map { id throws(CatalogError) -> MetricDefinition in
        guard let part = earlier[id], part.source == .consumption else {
          throw combines.fail("\"\(id)\" is no consumption metric defined before this one")
        }
        return part
      }
      guard let first = parts.first, parts.count >= 2 else { throw combines.fail("combine two or more metrics") }
      guard
        parts.allSatisfy({ $0.associations == first.associations && $0.excludedOfferTypes == first.excludedOfferTypes })
      else { throw combines.fail("the combined metrics must count the same associations and offer types") }
      return MetricDefinition(
        id: try node.required("id").string(), name: try node.required("name").string(), source: .consumption,
        aggregate: .sum, associations: first.associations, excludedOfferTypes: first.excludedOfferTypes,
        filter: parts.contains { $0.filter == nil } ? nil : .anyOf(parts.compactMap(\.filter)), offerTypes: offerTypes,
        components: ids)
    }
    let sourceText = try node.required("source").string()
    guard let source = MetricDefinition.Source(rawValue: sourceText) else {
      throw node.fail("unknown source \"\(sourceText)\" (performance or consumption)")
    }
    let aggregateText = try node.child("aggregate")?.string() ?? "sum"
    guard let aggregate = MetricDefinition.Aggregate(rawValue: aggregateText) else {
      throw node.fail("unknown aggregate \"\(aggregateText)\" (sum or latest)")
    }
    func strings(_ key: String) throws(CatalogError) -> [String] {
      try (node.child(key)?.array() ?? []).map { item throws(CatalogError) in try item.string() }
    }
    let filter = try node.child("filter").map { node throws(CatalogError) in try readFilter(node) }
    if filter != nil, source != .consumption { throw node.fail("only consumption metrics take a filter") }
    let excluded = try strings("excludedOfferTypes")
    if let unknown = excluded.first(where: { offerTypes.category(of: $0) == nil }), source == .consumption {
      throw node.fail("excludedOfferTypes names \"\(unknown)\", which the catalog's offerTypes map does not know")
    }
    return MetricDefinition(
      id: try node.required("id").string(), name: try node.required("name").string(), source: source,
      aggregate: aggregate, associations: try strings("associations"), excludedOfferTypes: excluded, filter: filter,
      offerTypes: offerTypes)
  }

  static func readFilter(_ node: CatalogNode) throws(CatalogError) -> ConsumptionFilter {
    if let parts = node.child("allOf") {
      try node.only(["allOf"])
      return .allOf(try parts.array().map { part throws(CatalogError) in try readFilter(part) })
    }
    if let parts = node.child("anyOf") {
      try node.only(["anyOf"])
      return .anyOf(try parts.array().map { part throws(CatalogError) in try readFilter(part) })
    }
    try node.only(["field", "in", "notIn", "orMissing"])
    let fieldNode = try node.required("field")
    let field = try fieldNode.string()
    guard ConsumptionReported.serviceFieldNames.contains(field) else {
      throw fieldNode.fail(
        "unknown ACR field \"\(field)\" (one of \(ConsumptionReported.serviceFieldNames.joined(separator: ", ")))")
    }
    func values(_ node: CatalogNode) throws(CatalogError) -> Set<String> {
      let items = try node.array().map { item throws(CatalogError) in ConsumptionFilter.normalize(try item.string()) }
      guard !items.isEmpty else { throw node.fail("expected at least one value") }
      return Set(items)
    }
    if let list = node.child("in") {
      return .valueIn(field: field, values: try values(list), orMissing: try node.child("orMissing")?.bool() ?? false)
    }
    if let list = node.child("notIn") {
      guard node.child("orMissing") == nil else { throw node.fail("orMissing goes with \"in\" only") }
      return .valueNotIn(field: field, values: try values(list))
    }
    throw node.fail("expected \"in\" or \"notIn\"")
  }

  static func readCompetency(_ node: CatalogNode) throws(CatalogError) -> CompetencyDefinition {
    try node.only(["id", "name", "area", "paths", "placeholder"])
    let paths = try node.required("paths").array().map { path throws(CatalogError) in
      try path.only(["id", "name", "silver", "gold"])
      let silver = try path.child("silver").map { node throws(CatalogError) in try readRequirement(node) }
      let gold = try path.child("gold").map { node throws(CatalogError) in try readRequirement(node) }
      guard silver != nil || gold != nil else { throw path.fail("a path needs a silver or a gold requirement") }
      return AttainmentPath(
        id: try path.required("id").string(), name: try path.required("name").string(), silver: silver, gold: gold)
    }
    guard !paths.isEmpty else { throw node.fail("a competency needs at least one path") }
    return CompetencyDefinition(
      id: try node.required("id").string(), name: try node.required("name").string(),
      area: try node.required("area").string(), paths: paths, placeholder: try node.child("placeholder")?.string())
  }

  static func readSpecialization(_ node: CatalogNode) throws(CatalogError) -> SpecializationDefinition {
    try node.only(["id", "name", "area", "prerequisiteGold", "requirements", "audit", "references", "placeholder"])
    let prerequisites = try node.required("prerequisiteGold").array().map { item throws(CatalogError) in
      try item.string()
    }
    guard !prerequisites.isEmpty else { throw node.fail("needs at least one prerequisite Gold competency") }
    return SpecializationDefinition(
      id: try node.required("id").string(), name: try node.required("name").string(),
      area: try node.required("area").string(), prerequisiteGold: prerequisites,
      requirements: try node.child("requirements").map { node throws(CatalogError) in try readRequirement(node) },
      needsAudit: try node.child("audit")?.bool() ?? false,
      references: try node.child("references")?.integer() ?? 0, placeholder: try node.child("placeholder")?.string())
  }

  static func readRequirement(_ node: CatalogNode) throws(CatalogError) -> Requirement {
    if let parts = node.child("allOf") {
      try node.only(["allOf", "placeholder"])
      return .allOf(try parts.array().map { part throws(CatalogError) in try readRequirement(part) })
    }
    if let parts = node.child("anyOf") {
      try node.only(["anyOf", "placeholder"])
      return .anyOf(try parts.array().map { part throws(CatalogError) in try readRequirement(part) })
    }
    if let count = node.child("individuals") {
      try node.only(["individuals", "holding", "ofWhom", "placeholder"])
      let total = try count.integer(minimum: 1)
      let subset = try node.child("ofWhom").map { sub throws(CatalogError) -> Requirement.Subset in
        try sub.only(["individuals", "holding"])
        let part = try sub.required("individuals").integer(minimum: 1)
        guard part <= total else { throw sub.fail("\(part) of the same \(total) is more than \(total)") }
        return Requirement.Subset(count: part, holding: try readPredicate(sub.required("holding")))
      }
      return .individuals(count: total, holding: try readPredicate(node.required("holding")), ofWhom: subset)
    }
    if let metric = node.child("metric") {
      try node.only(["metric", "atLeast", "months", "minCustomers", "placeholder"])
      let threshold = try node.required("atLeast")
      let value: Threshold
      if case .number(let single) = threshold.value {
        value = Threshold(developed: single, developing: single)
      } else {
        try threshold.only(["developed", "developing"])
        let developed = try threshold.required("developed").decimal()
        value = Threshold(developed: developed, developing: try threshold.child("developing")?.decimal() ?? developed)
      }
      return .metric(
        id: try metric.string(), atLeast: value, months: try node.required("months").integer(minimum: 1),
        minCustomers: try node.child("minCustomers")?.integer() ?? 0)
    }
    if let attribute = node.child("attribute") {
      try node.only(["attribute", "placeholder"])
      return .attribute(try attribute.string())
    }
    throw node.fail("expected a requirement: allOf, anyOf, individuals, metric or attribute")
  }

  static func readPredicate(_ node: CatalogNode) throws(CatalogError) -> CredentialPredicate {
    if case .string = node.value { return .credential(try node.string()) }
    if let parts = node.child("allOf") {
      try node.only(["allOf"])
      return .allOf(try parts.array().map { part throws(CatalogError) in try readPredicate(part) })
    }
    if let parts = node.child("anyOf") {
      try node.only(["anyOf"])
      return .anyOf(try parts.array().map { part throws(CatalogError) in try readPredicate(part) })
    }
    throw node.fail("expected a credential code, allOf or anyOf")
  }
}
