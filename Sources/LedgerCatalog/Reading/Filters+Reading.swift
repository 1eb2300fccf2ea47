import LedgerCore

extension ConsumptionFilter: Decodable {
  /// `{"allOf": […]}`, `{"anyOf": […]}`, or `{"field": …, "in" | "notIn": […], "orMissing": …}`.
  public init(from decoder: any Decoder) throws {
    let members = try decoder.container(keyedBy: CatalogKey.self)
    if members.has("allOf") {
      self = .allOf(try decoder.object(allowing: ["allOf"]).required([ConsumptionFilter].self, "allOf"))
      return
    }
    if members.has("anyOf") {
      self = .anyOf(try decoder.object(allowing: ["anyOf"]).required([ConsumptionFilter].self, "anyOf"))
      return
    }
    let object = try decoder.object(allowing: ["field", "in", "notIn", "orMissing"])
    let field = try object.string("field")
    guard ConsumptionReported.serviceFieldNames.contains(field) else {
      throw object.failure(
        "field",
        "unknown ACR field \"\(field)\" (one of \(ConsumptionReported.serviceFieldNames.joined(separator: ", ")))")
    }
    func values(_ key: String) throws -> Set<String> {
      let items = try object.strings(key).map(ConsumptionFilter.normalize)
      guard !items.isEmpty else { throw object.failure(key, "expected at least one value") }
      return Set(items)
    }
    if object.has("in") {
      self = .valueIn(
        field: field, values: try values("in"), orMissing: try object.optional(Bool.self, "orMissing") ?? false)
    } else if object.has("notIn") {
      guard !object.has("orMissing") else { throw decoder.failure("orMissing goes with \"in\" only") }
      self = .valueNotIn(field: field, values: try values("notIn"))
    } else {
      throw decoder.failure("expected \"in\" or \"notIn\"")
    }
  }
}
