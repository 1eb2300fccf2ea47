/// A command a gate or a role refused: nothing was written.
public struct CommandRefusal: Error, Equatable, CustomStringConvertible {
  /// Why, in the program's words.
  public let message: String
  /// Whether the actor's role refused it (anyone else might act), rather than a gate of the
  /// program (nobody may, in the ledger's present state).
  public let isAboutRole: Bool

  /// Creates a refusal by a gate of the program.
  public init(_ message: String) {
    self.message = message
    self.isAboutRole = false
  }

  private init(role message: String) {
    self.message = message
    self.isAboutRole = true
  }

  /// A refusal because the actor does not hold a role the command needs.
  static func role(_ message: String) -> CommandRefusal { CommandRefusal(role: message) }

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
