/// A competency or membership level of the program.
public enum Level: String, CaseIterable, Comparable, Sendable {
  /// Silver: the first level.
  case silver
  /// Gold: the higher level.
  case gold

  public static func < (lhs: Level, rhs: Level) -> Bool {
    lhs == .silver && rhs == .gold
  }
}
