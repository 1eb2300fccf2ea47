import Foundation
public import LedgerCatalog
public import LedgerCore

/// The JSON and text of `ledger catalog`: the rules in force on a date, in the grammar of the
/// catalog files.
public enum CatalogDocument {
  /// The catalog as JSON.
  public static func json(_ catalog: Catalog, asOf: CivilDate) -> JSONValue {
    let settings = catalog.settings
    return .object([
      ("asOf", .string(asOf.description)),
      ("version", .string(catalog.version)),
      ("effectiveFrom", .string(catalog.effectiveFrom.description)),
      ("source", .string(catalog.source)),
      ("settings", .object(CatalogSettings.fields.map { ($0.key, $0.value(settings)) })),
      ("credentials", .array(catalog.credentials.values.sorted { $0.code < $1.code }.map(credential))),
      ("metrics", .array(catalog.metrics.values.sorted { $0.id < $1.id }.map(metric))),
      ("acrAttributionPriority", .array(catalog.attributionPriority.map(JSONValue.string))),
      ("competencies", .array(catalog.competencies.map(competency))),
      ("specializations", .array(catalog.specializations.map(specialization))),
      (
        "placeholders",
        .array(catalog.placeholders.map { .object([("path", .string($0.path)), ("reason", .string($0.reason))]) })
      ),
    ])
  }

  static func number(_ value: Int) -> JSONValue { .number(Decimal(value)) }

  static func credential(_ credential: CredentialDefinition) -> JSONValue {
    .object([
      ("code", .string(credential.code)), ("name", .string(credential.name)),
      ("kind", .string(credential.kind.rawValue)),
      ("retired", credential.retired.map { .string($0.description) } ?? .null),
      ("acceptedUntil", credential.acceptedUntil.map { .string($0.description) } ?? .null),
    ])
  }

  static func metric(_ metric: MetricDefinition) -> JSONValue {
    .object([
      ("id", .string(metric.id)), ("name", .string(metric.name)), ("source", .string(metric.source.rawValue)),
      ("aggregate", .string(metric.aggregate.rawValue)),
      ("associations", .array(metric.associations.map(JSONValue.string))),
      ("excludedOfferTypes", .array(metric.excludedOfferTypes.map(JSONValue.string))),
      ("filter", metric.filter.map(filter) ?? .null),
    ])
  }

  /// A consumption filter in the catalog files' grammar.
  static func filter(_ filter: ConsumptionFilter) -> JSONValue {
    switch filter {
    case .valueIn(let field, let values, let orMissing):
      var members: [(key: String, value: JSONValue)] = [
        ("field", .string(field)), ("in", .array(values.sorted().map(JSONValue.string))),
      ]
      if orMissing { members.append(("orMissing", .bool(true))) }
      return .object(members)
    case .valueNotIn(let field, let values):
      return .object([("field", .string(field)), ("notIn", .array(values.sorted().map(JSONValue.string)))])
    case .allOf(let parts): return .object([("allOf", .array(parts.map(Self.filter)))])
    case .anyOf(let parts): return .object([("anyOf", .array(parts.map(Self.filter)))])
    }
  }

  static func competency(_ competency: CompetencyDefinition) -> JSONValue {
    .object([
      ("id", .string(competency.id)), ("name", .string(competency.name)), ("area", .string(competency.area)),
      (
        "paths",
        .array(
          competency.paths.map { path in
            .object([
              ("id", .string(path.id)), ("name", .string(path.name)),
              ("silver", path.silver.map(requirement) ?? .null), ("gold", path.gold.map(requirement) ?? .null),
            ])
          })
      ),
    ])
  }

  static func specialization(_ specialization: SpecializationDefinition) -> JSONValue {
    .object([
      ("id", .string(specialization.id)), ("name", .string(specialization.name)),
      ("area", .string(specialization.area)),
      ("prerequisiteGold", .array(specialization.prerequisiteGold.map(JSONValue.string))),
      ("requirements", specialization.requirements.map(requirement) ?? .null),
      ("audit", .bool(specialization.needsAudit)), ("references", number(specialization.references)),
    ])
  }

  /// A requirement in the catalog files' grammar.
  static func requirement(_ requirement: Requirement) -> JSONValue {
    switch requirement {
    case .allOf(let parts): return .object([("allOf", .array(parts.map(Self.requirement)))])
    case .anyOf(let parts): return .object([("anyOf", .array(parts.map(Self.requirement)))])
    case .individuals(let count, let holding, let ofWhom):
      var members: [(key: String, value: JSONValue)] = [
        ("individuals", number(count)), ("holding", predicate(holding)),
      ]
      if let ofWhom {
        members.append(
          ("ofWhom", .object([("individuals", number(ofWhom.count)), ("holding", predicate(ofWhom.holding))])))
      }
      return .object(members)
    case .metric(let id, let threshold, let months, let minCustomers):
      return .object([
        ("metric", .string(id)),
        (
          "atLeast",
          .object([("developed", .number(threshold.developed)), ("developing", .number(threshold.developing))])
        ),
        ("months", number(months)), ("minCustomers", number(minCustomers)),
      ])
    case .attribute(let name): return .object([("attribute", .string(name))])
    }
  }

  static func predicate(_ predicate: CredentialPredicate) -> JSONValue {
    switch predicate {
    case .credential(let code): .string(code)
    case .allOf(let parts): .object([("allOf", .array(parts.map(Self.predicate)))])
    case .anyOf(let parts): .object([("anyOf", .array(parts.map(Self.predicate)))])
    }
  }

  /// The readable form: settings, each competency's paths, each specialization, placeholders.
  public static func text(_ catalog: Catalog, asOf: CivilDate) -> String {
    let settings = catalog.settings
    var lines = [
      "Catalog \(catalog.version), in force from \(catalog.effectiveFrom) (asked for \(asOf))", catalog.source, "",
      "Settings: override \(settings.overrideMonths) months; renewal window opens \(settings.renewalWindowOpensAfterDays) day(s) "
        + "after the anniversary and stays open \(settings.renewalGraceDays) days; individuals count toward "
        + (settings.maxCompetenciesPerIndividual.map { "at most \($0) competencies" } ?? "any number of competencies")
        + "; audit pass valid \(settings.auditValidityMonths) months; specialization valid "
        + "\(settings.specializationValidityMonths) months",
      "", "Competencies:",
    ]
    for competency in catalog.competencies {
      lines.append("  \(competency.id): \(competency.name) [\(competency.area)]")
      for path in competency.paths {
        lines.append("    \(path.name)")
        if let silver = path.silver { lines.append("      silver: \(describe(silver))") }
        if let gold = path.gold { lines.append("      gold: \(describe(gold))") }
      }
    }
    lines.append("")
    lines.append("Advanced specializations:")
    for specialization in catalog.specializations {
      var needs = ["Gold in " + specialization.prerequisiteGold.joined(separator: " or ")]
      if let requirements = specialization.requirements { needs.append(describe(requirements)) }
      if specialization.needsAudit { needs.append("a third-party audit") }
      if specialization.references > 0 { needs.append("\(specialization.references) customer references") }
      lines.append("  \(specialization.id) [\(specialization.area)]: " + needs.joined(separator: "; "))
    }
    lines.append("")
    lines.append("Placeholders (values the public record does not give):")
    for placeholder in catalog.placeholders { lines.append("  \(placeholder.path): \(placeholder.reason)") }
    return lines.joined(separator: "\n")
  }

  static func describe(_ requirement: Requirement) -> String {
    switch requirement {
    case .allOf(let parts): return parts.map(describe).joined(separator: " AND ")
    case .anyOf(let parts): return "(" + parts.map(describe).joined(separator: " OR ") + ")"
    case .individuals(let count, let holding, let ofWhom):
      var text = "\(count) × \(holding.summary)"
      if let ofWhom { text += " (\(ofWhom.count) of the same also \(ofWhom.holding.summary))" }
      return text
    case .metric(let id, let threshold, let months, let minCustomers):
      let customers = minCustomers > 0 ? " from \(minCustomers)+ customers" : ""
      return "\(id) ≥ \(threshold.developed) (developing \(threshold.developing)) over \(months) months\(customers)"
    case .attribute(let name): return "attribute \(name)"
    }
  }
}
