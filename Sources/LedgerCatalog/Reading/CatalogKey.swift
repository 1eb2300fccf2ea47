import Foundation
import LedgerCore

/// Any member name of a catalog file: one key type for every object, so each reader can list
/// the members it met and refuse the ones it does not know.
struct CatalogKey: CodingKey, Hashable {
  let stringValue: String
  var intValue: Int? { nil }

  init(_ name: String) { stringValue = name }
  init?(stringValue: String) { self.init(stringValue) }
  init?(intValue: Int) { nil }
}

/// The members of one catalog object, read with the catalog's own checks and words; every
/// failure is a `DecodingError` whose coding path is the value's JSON path.
typealias CatalogObject = KeyedDecodingContainer<CatalogKey>

extension Decoder {
  /// This value as an object whose members are all in `allowed`, so a misspelt key is an
  /// error rather than ignored.
  func object(allowing allowed: Set<String>) throws -> CatalogObject {
    let object: CatalogObject
    do {
      object = try container(keyedBy: CatalogKey.self)
    } catch DecodingError.typeMismatch {
      throw CatalogReading.failure(at: codingPath, "expected an object")
    }
    if let unknown = object.allKeys.map(\.stringValue).sorted().first(where: { !allowed.contains($0) }) {
      throw CatalogReading.failure(at: codingPath, "unknown key \"\(unknown)\"")
    }
    return object
  }

  /// A failure at this value.
  func failure(_ reason: String) -> DecodingError { CatalogReading.failure(at: codingPath, reason) }
}

extension KeyedDecodingContainer where Key == CatalogKey {
  /// Whether the member is present and not `null`.
  func has(_ key: String) -> Bool {
    contains(CatalogKey(key)) && !((try? decodeNil(forKey: CatalogKey(key))) ?? true)
  }

  /// A failure at member `key`.
  func failure(_ key: String, _ reason: String) -> DecodingError {
    CatalogReading.failure(at: codingPath + [CatalogKey(key)], reason)
  }

  /// A required member.
  func required<T: Decodable>(_ type: T.Type, _ key: String) throws -> T {
    guard has(key) else { throw CatalogReading.failure(at: codingPath, "missing \"\(key)\"") }
    return try decode(type, forKey: CatalogKey(key))
  }

  /// An optional member (`null` reads as absent).
  func optional<T: Decodable>(_ type: T.Type, _ key: String) throws -> T? {
    has(key) ? try decode(type, forKey: CatalogKey(key)) : nil
  }

  /// A required non-empty string.
  func string(_ key: String) throws -> String {
    guard has(key) else { throw CatalogReading.failure(at: codingPath, "missing \"\(key)\"") }
    return try optionalString(key)!
  }

  /// An optional non-empty string.
  func optionalString(_ key: String) throws -> String? {
    guard let text = try optional(String.self, key) else { return nil }
    guard !text.isEmpty else { throw failure(key, "expected a non-empty string") }
    return text
  }

  /// A non-empty string for each element of an optional array (empty when absent).
  func strings(_ key: String) throws -> [String] {
    let items = try optional([String].self, key) ?? []
    if let index = items.firstIndex(of: "") {
      throw CatalogReading.failure(
        at: codingPath + [CatalogKey(key), CatalogIndex(index)], "expected a non-empty string")
    }
    return items
  }

  /// An optional date `YYYY-MM-DD`.
  func date(_ key: String) throws -> CivilDate? {
    guard let text = try optionalString(key) else { return nil }
    guard let date = try? CivilDate(parsing: text) else {
      throw failure(key, "\"\(text)\" is not a date YYYY-MM-DD")
    }
    return date
  }

  /// An optional whole number of at least `minimum`.
  func integer(_ key: String, minimum: Int = 0) throws -> Int? {
    guard has(key) else { return nil }
    let whole: Int?
    do {
      let number = try decode(Decimal.self, forKey: CatalogKey(key))
      whole = Int(exactly: NSDecimalNumber(decimal: number).doubleValue).flatMap { Decimal($0) == number ? $0 : nil }
    } catch DecodingError.typeMismatch {
      whole = nil
    }
    guard let whole, whole >= minimum else { throw failure(key, "expected a whole number of at least \(minimum)") }
    return whole
  }
}

/// An array element's place in a coding path.
struct CatalogIndex: CodingKey {
  let intValue: Int?
  var stringValue: String { "Index \(intValue ?? 0)" }

  init(_ index: Int) { intValue = index }
  init?(stringValue: String) { nil }
  init?(intValue: Int) { self.intValue = intValue }
}

/// Turning decoding failures into the catalog's errors: file, JSON path, reason.
enum CatalogReading {
  /// A failure at `path` with the catalog's own words.
  static func failure(at path: [any CodingKey], _ reason: String) -> DecodingError {
    .dataCorrupted(DecodingError.Context(codingPath: path, debugDescription: reason))
  }

  /// The JSON path of a coding path: `competencies[3].paths[0].gold`.
  static func path(_ codingPath: [any CodingKey]) -> String {
    codingPath.reduce(into: "") { path, key in
      if let index = key.intValue {
        path += "[\(index)]"
      } else {
        path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
      }
    }
  }

  /// The catalog error for what decoding `file` threw.
  static func error(_ error: DecodingError, file: String) -> CatalogError {
    switch error {
    case .dataCorrupted(let context):
      return CatalogError(file: file, path: path(context.codingPath), reason: context.debugDescription)
    case .keyNotFound(let key, let context):
      return CatalogError(file: file, path: path(context.codingPath), reason: "missing \"\(key.stringValue)\"")
    case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
      return CatalogError(file: file, path: path(context.codingPath), reason: "expected \(words(for: type))")
    @unknown default:
      return CatalogError(file: file, path: "", reason: "\(error)")
    }
  }

  private static func words(for type: Any.Type) -> String {
    switch type {
    case is String.Type: "a non-empty string"
    case is Bool.Type: "true or false"
    case is Decimal.Type, is Int.Type, is Double.Type: "a number"
    case is [String].Type, is [Any].Type: "an array"
    default: String(describing: type).hasPrefix("Array") ? "an array" : "an object"
    }
  }
}
