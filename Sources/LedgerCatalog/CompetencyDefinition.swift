/// A competency of the program, with its attainment paths.
public struct CompetencyDefinition: Equatable, Sendable {
  /// The kebab-case id (`cloud-platform`).
  public let id: String
  /// The English name.
  public let name: String
  /// The competency area or Center of Excellence.
  public let area: String
  /// The ways to earn it; the best level any path supports is attained.
  public let paths: [AttainmentPath]
  /// Why any of its values are placeholders, when some are.
  public let placeholder: String?

  /// Creates a competency.
  public init(id: String, name: String, area: String, paths: [AttainmentPath], placeholder: String?) {
    self.id = id
    self.name = name
    self.area = area
    self.paths = paths
    self.placeholder = placeholder
  }
}
