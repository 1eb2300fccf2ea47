/// How far the read models are folded: through a log position, with a set of rules.
public struct ReadModelCheckpoint: Equatable, Sendable {
  /// The last log position folded.
  public let position: Int64
  /// What the models were folded with (the catalog versions and the fold's own version):
  /// models folded with other rules are dropped and folded again.
  public let rules: String

  /// Creates a checkpoint.
  public init(position: Int64, rules: String) {
    self.position = position
    self.rules = rules
  }
}
