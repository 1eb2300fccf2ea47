/// The stream an event belongs to: `org/contoso` or `individual/alice`.
///
/// Stream versions count the events of one stream; callers that give an expected version
/// get optimistic concurrency on it.
public struct StreamName: Hashable, Sendable, CustomStringConvertible {
  /// The kind of subject: `org` or `individual`.
  public let category: String
  /// The subject's id, as the user chose it.
  public let id: String

  /// The category of organization streams.
  public static let organizationCategory = "org"
  /// The category of individual streams.
  public static let individualCategory = "individual"

  /// The category of actor streams (their roles).
  public static let actorCategory = "actor"
  /// The stream of an organization.
  public static func organization(_ id: String) -> StreamName { StreamName(category: organizationCategory, id: id) }
  /// The stream of an individual.
  public static func individual(_ id: String) -> StreamName { StreamName(category: individualCategory, id: id) }

  /// The stream of an actor's roles.
  public static func actor(_ id: String) -> StreamName { StreamName(category: actorCategory, id: id) }
  /// Creates a stream name from its parts.
  public init(category: String, id: String) {
    self.category = category
    self.id = id
  }

  /// Parses `category/id`; the id may itself contain `/`.
  public init?(_ text: String) {
    guard let slash = text.firstIndex(of: "/"), slash != text.startIndex,
      text.index(after: slash) != text.endIndex
    else { return nil }
    self.init(category: String(text[..<slash]), id: String(text[text.index(after: slash)...]))
  }

  public var description: String { "\(category)/\(id)" }

  /// Hashes the id alone: the category rarely tells two streams apart, and an append hashes
  /// each event's stream several times.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(id)
  }
}
