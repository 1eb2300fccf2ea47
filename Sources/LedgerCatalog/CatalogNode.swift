import Foundation
import LedgerCore

/// A value of a catalog file with its JSON path, so every error says where it is.
struct CatalogNode {
  let file: String
  let path: String
  let value: JSONValue

  func fail(_ reason: String) -> CatalogError {
    CatalogError(file: file, path: path, reason: reason)
  }

  func child(_ key: String) -> CatalogNode? {
    guard let member = value[key], member != .null else { return nil }
    return CatalogNode(file: file, path: path.isEmpty ? key : "\(path).\(key)", value: member)
  }

  func required(_ key: String) throws(CatalogError) -> CatalogNode {
    guard let node = child(key) else { throw fail("missing \"\(key)\"") }
    return node
  }

  func string() throws(CatalogError) -> String {
    guard case .string(let text) = value, !text.isEmpty else { throw fail("expected a non-empty string") }
    return text
  }

  func date() throws(CatalogError) -> CivilDate {
    let text = try string()
    guard let date = try? CivilDate(parsing: text) else { throw fail("\"\(text)\" is not a date YYYY-MM-DD") }
    return date
  }

  func decimal() throws(CatalogError) -> Decimal {
    guard case .number(let number) = value else { throw fail("expected a number") }
    return number
  }

  func integer(minimum: Int = 0) throws(CatalogError) -> Int {
    guard case .number(let number) = value, let whole = Int(exactly: NSDecimalNumber(decimal: number).doubleValue),
      Decimal(whole) == number, whole >= minimum
    else { throw fail("expected a whole number of at least \(minimum)") }
    return whole
  }

  func bool() throws(CatalogError) -> Bool {
    guard case .bool(let flag) = value else { throw fail("expected true or false") }
    return flag
  }

  func array() throws(CatalogError) -> [CatalogNode] {
    guard case .array(let elements) = value else { throw fail("expected an array") }
    return elements.enumerated().map { CatalogNode(file: file, path: "\(path)[\($0.offset)]", value: $0.element) }
  }

  func keys() -> [String] {
    guard case .object(let members) = value else { return [] }
    return members.map(\.key)
  }

  /// Refuses keys outside `allowed`, so a misspelt key is an error rather than ignored.
  func only(_ allowed: Set<String>) throws(CatalogError) {
    guard case .object = value else { throw fail("expected an object") }
    if let unknown = keys().first(where: { !allowed.contains($0) }) {
      throw fail("unknown key \"\(unknown)\"")
    }
  }
}
