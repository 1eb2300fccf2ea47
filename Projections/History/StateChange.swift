/// One aspect of what the program shows, before and after a change.
public struct StateChange: Equatable, Sendable, CustomStringConvertible {
  /// What changed.
  public let aspect: OrganizationSnapshot.Aspect
  /// The value before.
  public let before: String
  /// The value after.
  public let after: String

  /// Creates a change.
  public init(aspect: OrganizationSnapshot.Aspect, before: String, after: String) {
    self.aspect = aspect
    self.before = before
    self.after = after
  }

  /// `cloud-platform attained: none → silver`; the membership reads `membership: …`.
  public var description: String {
    let label = aspect.name == "membership" ? "membership" : "\(aspect.subject) \(aspect.name)"
    return "\(label): \(before) → \(after)"
  }
}
