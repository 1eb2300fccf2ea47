/// Why a state changed on a day: an event, or the passing of time (an override ending, a
/// credential expiring, a membership term ending).
public enum ChangeCause: Equatable, Sendable, CustomStringConvertible {
  /// The event with this id.
  case event(String)
  /// A time-driven reason, in words.
  case timeDriven(String)

  public var description: String {
    switch self {
    case .event(let id): id
    case .timeDriven(let reason): reason
    }
  }
}
