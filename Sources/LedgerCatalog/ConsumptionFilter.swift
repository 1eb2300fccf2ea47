/// Which ACR rows a metric counts, by their service fields (rules §8.3).
///
/// Values compare case-insensitively, ignoring surrounding spaces. A missing field satisfies
/// no condition unless the condition says `orMissing` (the seed's "ACR Adjustment Type = N/A"
/// also holds for rows that carry no adjustment type).
public indirect enum ConsumptionFilter: Equatable, Sendable {
  /// The field's value is one of `values`.
  case valueIn(field: String, values: Set<String>, orMissing: Bool)
  /// The field is present and its value is none of `values` ("all except Unknown").
  case valueNotIn(field: String, values: Set<String>)
  /// Every part holds.
  case allOf([ConsumptionFilter])
  /// At least one part holds.
  case anyOf([ConsumptionFilter])

  /// Whether a row with these service fields passes.
  public func matches(_ fields: [String: String]) -> Bool {
    matches(normalized: fields.mapValues(ConsumptionFilter.normalize))
  }

  /// Whether a row whose service fields are already normalized (``normalize(_:)``) passes.
  public func matches(normalized fields: [String: String]) -> Bool {
    switch self {
    case .valueIn(let field, let values, let orMissing):
      guard let value = fields[field], !value.isEmpty else { return orMissing }
      return values.contains(value)
    case .valueNotIn(let field, let values):
      guard let value = fields[field], !value.isEmpty else { return false }
      return !values.contains(value)
    case .allOf(let parts): return parts.allSatisfy { $0.matches(normalized: fields) }
    case .anyOf(let parts): return parts.contains { $0.matches(normalized: fields) }
    }
  }

  /// The comparison form of a value: without surrounding spaces and tabs, lowercased.
  public static func normalize(_ value: String) -> String {
    let utf8 = value.utf8
    let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
    guard let first = utf8.first, let last = utf8.last, blank(first) || blank(last) else { return value.lowercased() }
    return String(decoding: Array(utf8.drop(while: blank).reversed().drop(while: blank).reversed()), as: UTF8.self)
      .lowercased()
  }

  /// Every field the filter reads.
  public var fields: [String] {
    switch self {
    case .valueIn(let field, _, _), .valueNotIn(let field, _): [field]
    case .allOf(let parts), .anyOf(let parts): parts.flatMap(\.fields)
    }
  }
}
