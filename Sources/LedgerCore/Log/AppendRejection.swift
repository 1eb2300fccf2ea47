/// Why an append wrote nothing: every problem found, by the index of the proposed event.
public struct AppendRejection: Error, Equatable, Sendable, CustomStringConvertible {
  /// One refused event.
  public struct Problem: Equatable, Sendable {
    /// The index of the event in the appended batch.
    public let index: Int
    /// Why it was refused.
    public let reason: String
    /// Whether the problem is a stream version conflict, which a caller may resolve by
    /// reading again and deciding anew.
    public let isConflict: Bool

    /// Creates a problem.
    public init(index: Int, reason: String, isConflict: Bool = false) {
      self.index = index
      self.reason = reason
      self.isConflict = isConflict
    }
  }

  /// The problems, in batch order.
  public let problems: [Problem]

  /// Creates a rejection.
  public init(problems: [Problem]) {
    self.problems = problems
  }

  public var description: String {
    problems.map { "event \($0.index + 1): \($0.reason)" }.joined(separator: "\n")
  }
}
