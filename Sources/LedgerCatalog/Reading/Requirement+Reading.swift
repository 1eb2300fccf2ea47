import Foundation

extension Requirement: Decodable {
  /// The longest trailing window a metric requirement may ask for: the replay follows a
  /// window's monthly steps for 13 months after the last figure, so a longer one would
  /// change its answer on days the replay does not visit.
  public static let longestWindowMonths = 13

  public init(from decoder: any Decoder) throws {
    let expected = "expected a requirement: allOf, anyOf, individuals, metric or attribute"
    guard let members = try? decoder.container(keyedBy: CatalogKey.self) else { throw decoder.failure(expected) }
    func only(_ allowed: Set<String>) throws -> CatalogObject {
      try decoder.object(allowing: allowed.union(["placeholder"]))
    }
    if members.has("allOf") {
      self = .allOf(try only(["allOf"]).required([Requirement].self, "allOf"))
    } else if members.has("anyOf") {
      self = .anyOf(try only(["anyOf"]).required([Requirement].self, "anyOf"))
    } else if members.has("individuals") {
      let object = try only(["individuals", "holding", "ofWhom"])
      let total = try object.integer("individuals", minimum: 1)!
      let subset = try object.optional(SubsetReading.self, "ofWhom")
      if let subset, subset.count > total {
        throw object.failure("ofWhom", "\(subset.count) of the same \(total) is more than \(total)")
      }
      self = .individuals(
        count: total, holding: try object.required(CredentialPredicate.self, "holding"),
        ofWhom: subset.map { Subset(count: $0.count, holding: $0.holding) })
    } else if members.has("metric") {
      let object = try only(["metric", "atLeast", "months", "minCustomers"])
      guard let months = try object.integer("months", minimum: 1) else {
        throw CatalogReading.failure(at: decoder.codingPath, "missing \"months\"")
      }
      guard months <= Self.longestWindowMonths else {
        throw object.failure(
          "months", "a window of \(months) months is longer than the \(Self.longestWindowMonths) the replay follows")
      }
      self = .metric(
        id: try object.string("metric"), atLeast: try object.required(Threshold.self, "atLeast"), months: months,
        minCustomers: try object.integer("minCustomers") ?? 0)
    } else if members.has("attribute") {
      self = .attribute(try only(["attribute"]).string("attribute"))
    } else {
      throw decoder.failure(expected)
    }
  }

  /// `ofWhom`: "k of the same N" before it is checked against N.
  private struct SubsetReading: Decodable {
    let count: Int
    let holding: CredentialPredicate

    init(from decoder: any Decoder) throws {
      let object = try decoder.object(allowing: ["individuals", "holding"])
      guard let count = try object.integer("individuals", minimum: 1) else {
        throw decoder.failure("missing \"individuals\"")
      }
      self.count = count
      holding = try object.required(CredentialPredicate.self, "holding")
    }
  }
}

extension Threshold: Decodable {
  /// A number for every market, or `{"developed": …, "developing": …}`.
  public init(from decoder: any Decoder) throws {
    if let single = try? decoder.singleValueContainer().decode(Decimal.self) {
      self.init(developed: single, developing: single)
      return
    }
    let object = try decoder.object(allowing: ["developed", "developing"])
    let developed = try object.required(Decimal.self, "developed")
    self.init(developed: developed, developing: try object.optional(Decimal.self, "developing") ?? developed)
  }
}

extension CredentialPredicate: Decodable {
  /// A credential code, or `{"allOf": […]}` / `{"anyOf": […]}`.
  public init(from decoder: any Decoder) throws {
    if let code = try? decoder.singleValueContainer().decode(String.self) {
      guard !code.isEmpty else { throw decoder.failure("expected a non-empty string") }
      self = .credential(code)
      return
    }
    guard let object = try? decoder.container(keyedBy: CatalogKey.self) else {
      throw decoder.failure("expected a credential code, allOf or anyOf")
    }
    if object.has("allOf") {
      self = .allOf(try decoder.object(allowing: ["allOf"]).required([CredentialPredicate].self, "allOf"))
    } else if object.has("anyOf") {
      self = .anyOf(try decoder.object(allowing: ["anyOf"]).required([CredentialPredicate].self, "anyOf"))
    } else {
      throw decoder.failure("expected a credential code, allOf or anyOf")
    }
  }
}
