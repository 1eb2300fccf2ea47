/// What one catch-up did: the log positions it covered and how many organizations it folded.
public struct ProjectionReport: Equatable, Sendable {
  /// The checkpoint it started from.
  public let from: Int64
  /// The head it folded through.
  public let to: Int64
  /// How many organizations it folded.
  public let organizations: Int
}
