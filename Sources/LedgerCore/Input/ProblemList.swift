/// The problems of an input, in input order: the first ``kept`` are kept to be printed, the
/// rest only counted, so a file of ten million bad lines still takes little memory.
public struct ProblemList: Sendable {
  /// How many problems are kept.
  public static let kept = 10_000

  /// The problems kept.
  public private(set) var problems: [InputProblem] = []
  /// The problems found beyond those kept.
  public private(set) var notKept = 0

  /// No problem yet.
  public init() {}

  /// Whether no problem was found.
  public var isEmpty: Bool { problems.isEmpty }

  /// Adds a problem (keeps it while there is room).
  public mutating func add(_ problem: InputProblem) {
    if problems.count < Self.kept { problems.append(problem) } else { notKept += 1 }
  }

  /// The lines to print: one per kept problem, then how many more there were.
  public var lines: [String] {
    problems.map(\.description) + (notKept > 0 ? ["… and \(notKept) more problems"] : [])
  }
}
