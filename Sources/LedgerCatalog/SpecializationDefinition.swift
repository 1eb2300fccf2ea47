/// An advanced specialization: an aligned Gold competency plus custom prerequisites, a
/// third-party audit or customer references.
public struct SpecializationDefinition: Equatable, Sendable {
  /// The kebab-case id.
  public let id: String
  /// The English name.
  public let name: String
  /// Azure, Business Applications, Modern Work or Security.
  public let area: String
  /// Gold in any one of these competencies is the aligned prerequisite.
  public let prerequisiteGold: [String]
  /// Other prerequisites (certified individuals, ACR), when any.
  public let requirements: Requirement?
  /// Whether a passed third-party audit is needed.
  public let needsAudit: Bool
  /// How many approved customer references are needed (0 for none).
  public let references: Int
  /// Why any of its values are placeholders, when some are.
  public let placeholder: String?

  /// Creates a specialization.
  public init(
    id: String, name: String, area: String, prerequisiteGold: [String], requirements: Requirement?,
    needsAudit: Bool, references: Int, placeholder: String?
  ) {
    self.id = id
    self.name = name
    self.area = area
    self.prerequisiteGold = prerequisiteGold
    self.requirements = requirements
    self.needsAudit = needsAudit
    self.references = references
    self.placeholder = placeholder
  }
}
