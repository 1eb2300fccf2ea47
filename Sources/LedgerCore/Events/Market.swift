/// Microsoft's market class for a partner's country; many performance thresholds differ by it.
public enum Market: String, CaseIterable, Sendable {
  /// A developed market (the default).
  case developed
  /// A developing market, with lower thresholds.
  case developing
}
