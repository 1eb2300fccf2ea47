/// One problem with one input line, reported as `file:line: reason`.
public struct InputProblem: Error, Equatable, Sendable, CustomStringConvertible {
  /// Where the line is.
  public let source: SourceLine
  /// What is wrong with it.
  public let reason: String

  /// Creates a problem report.
  public init(source: SourceLine, reason: String) {
    self.source = source
    self.reason = reason
  }

  public var description: String { "\(source): \(reason)" }
}
