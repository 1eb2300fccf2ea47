/// How Insights exports name Azure offers, mapped to the categories the program excludes from
/// ACR (trial, benefits, support, internal) or counts (`counted`): catalog data, so an operator
/// extends it when an export brings a new name. Names match case-, space-, hyphen- and
/// underscore-insensitively ("Free Trial", "free-trial" and "FREETRIAL" are one name).
public struct OfferTypes: Equatable, Sendable {
  /// The category of each name's key (``key(_:)``).
  private let categories: [String: String]

  /// The category that counts.
  public static let counted = "counted"

  /// A map from category to the offer names in it.
  public init(_ namesByCategory: [String: [String]]) {
    var categories: [String: String] = [:]
    for (category, names) in namesByCategory {
      categories[Self.key(category)] = category
      for name in names { categories[Self.key(name)] = category }
    }
    self.categories = categories
  }

  /// The category of an offer name (or a category's own name), `nil` for a name the map lacks.
  public func category(of name: String) -> String? { categories[Self.key(name)] }

  /// The category of the name whose ``key(_:)`` is `key`, `nil` for a name the map lacks.
  public func category(ofKey key: String) -> String? { categories[key] }

  /// `name` lowercased, without white space, hyphens or underscores.
  public static func key(_ name: String) -> String {
    String(
      name.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "-" && $0 != "_" }.map(
        Character.init))
  }
}
