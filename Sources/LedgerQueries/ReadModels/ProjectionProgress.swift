/// How far a catch-up is: organizations folded of those to fold, as known at a position.
public struct ProjectionProgress: Equatable, Sendable {
  /// Organizations folded so far.
  public let organizations: Int
  /// Organizations to fold in all.
  public let of: Int
  /// The head being folded through.
  public let position: Int64
}
