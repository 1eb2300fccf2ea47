/// Where an input event came from: a file (or `<stdin>`) and a 1-based line number.
public struct SourceLine: Hashable, Sendable, CustomStringConvertible {
  /// The file name as the user gave it.
  public let file: String
  /// The 1-based line number.
  public let line: Int

  /// Creates a source location.
  public init(file: String, line: Int) {
    self.file = file
    self.line = line
  }

  public var description: String { "\(file):\(line)" }
}
