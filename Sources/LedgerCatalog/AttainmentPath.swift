/// One way to earn a competency (an "option"), with its Silver and Gold requirements.
public struct AttainmentPath: Equatable, Sendable {
  /// The path's id within its competency.
  public let id: String
  /// Its name as the program shows it ("Azure Consumption option").
  public let name: String
  /// What Silver needs, or `nil` when the path offers no Silver.
  public let silver: Requirement?
  /// What Gold needs, or `nil` when the path offers no Gold.
  public let gold: Requirement?

  /// Creates a path.
  public init(id: String, name: String, silver: Requirement?, gold: Requirement?) {
    self.id = id
    self.name = name
    self.silver = silver
    self.gold = gold
  }
}
