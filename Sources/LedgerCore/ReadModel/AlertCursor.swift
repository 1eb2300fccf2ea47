/// Where a sink's last complete pass over the read models' alerts stopped: the last arrival
/// number it was offered and the day it was due through.
public struct AlertCursor: Equatable, Sendable {
  /// The highest arrival number the pass saw.
  public let arrival: Int64
  /// The day the pass delivered through.
  public let day: CivilDate

  /// Creates a cursor.
  public init(arrival: Int64, day: CivilDate) {
    self.arrival = arrival
    self.day = day
  }
}
