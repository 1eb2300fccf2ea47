/// A command a gate or a role refused: nothing was written.
public struct CommandRefusal: Error, Equatable, CustomStringConvertible {
  /// Why, in the program's words.
  public let message: String

  /// Creates a refusal.
  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}

/// Other writers kept changing the streams a command decides on: it gave up after deciding
/// anew several times. Nothing was written.
public struct CommandConflict: Error, Equatable, CustomStringConvertible {
  /// The streams whose versions moved.
  public let streams: [String]
  /// How many times it decided.
  public let attempts: Int

  public var description: String {
    "other writers changed \(streams.joined(separator: ", ")) \(attempts) times while this command decided: try again"
  }
}
