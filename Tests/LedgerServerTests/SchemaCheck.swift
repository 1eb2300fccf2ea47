import Foundation
import LedgerCore

/// Checks a JSON value against a JSON Schema (2020-12, as OpenAPI 3.1 uses it), for the
/// keywords the API's document uses: `$ref` (within the document), `type` (one or a list),
/// `enum`, `required`, `properties` and `items`. Returns every mismatch, with its path.
struct SchemaCheck {
  /// The whole document, for `$ref`.
  let document: JSONValue

  func problems(_ value: JSONValue, against schema: JSONValue, at path: String = "$") -> [String] {
    if case .string(let reference)? = schema["$ref"] {
      var target = document
      for part in reference.dropFirst(2).split(separator: "/") {
        guard let next = target[String(part)] else { return ["\(path): no \(reference) in the document"] }
        target = next
      }
      return problems(value, against: target, at: path)
    }
    var found: [String] = []
    if let type = schema["type"] {
      let allowed: [String] =
        switch type {
        case .string(let one): [one]
        case .array(let many): many.compactMap { if case .string(let name) = $0 { name } else { nil } }
        default: []
        }
      guard allowed.contains(where: { Self.matches(value, type: $0) }) else {
        return ["\(path): \(value.kindName), expected \(allowed.joined(separator: " or "))"]
      }
    }
    if case .array(let choices)? = schema["enum"], !choices.contains(value) {
      found.append("\(path): \(String(decoding: value.canonicalBytes, as: UTF8.self)) is not one of the enum")
    }
    if case .object(let members) = value {
      if case .array(let required)? = schema["required"] {
        for case .string(let key) in required where !members.contains(where: { $0.key == key }) {
          found.append("\(path): missing \"\(key)\"")
        }
      }
      if case .object(let properties)? = schema["properties"] {
        for (key, subschema) in properties {
          if let member = members.first(where: { $0.key == key }) {
            found += problems(member.value, against: subschema, at: "\(path).\(key)")
          }
        }
      }
    }
    if case .array(let elements) = value, let items = schema["items"] {
      for (index, element) in elements.enumerated() {
        found += problems(element, against: items, at: "\(path)[\(index)]")
      }
    }
    return found
  }

  static func matches(_ value: JSONValue, type: String) -> Bool {
    switch (type, value) {
    case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array),
      ("object", .object):
      true
    case ("integer", .number(let number)): number == number.wholePart
    default: false
    }
  }
}

extension Decimal {
  /// The number with its fraction dropped.
  fileprivate var wholePart: Decimal {
    var value = self
    var result = Decimal()
    NSDecimalRound(&result, &value, 0, .down)
    return result
  }
}
