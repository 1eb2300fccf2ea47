public import Foundation

/// A JSON document as the ledger reads and writes it.
///
/// Objects keep their members in input order; ``canonicalBytes`` sorts them, so the same
/// content always has the same bytes. The writer is ours, with two exceptions it takes from
/// Foundation: strings are normalized to NFC (stable for assigned code points by Unicode's
/// stability policy), and numbers are `Decimal` (amounts such as `1234.56` kept exactly)
/// printed in `Decimal`'s shortest plain form, which a test pins value by value.
public enum JSONValue: Equatable, Sendable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A number, kept as an exact decimal.
  case number(Decimal)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object, members in input order; keys are unique. Equality ignores member order.
  case object([(key: String, value: JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.number(let a), .number(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)):
      // Members are unordered and keys unique, so compare by key.
      return a.count == b.count
        && a.allSatisfy { member in b.contains { $0.key == member.key && $0.value == member.value } }
    default: return false
    }
  }

  /// The name of this value's JSON kind, for error messages.
  public var kindName: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }

  /// The member named `key` of an object, or `nil`.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }
}
