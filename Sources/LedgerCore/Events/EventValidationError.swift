/// Why an event was refused on the way in: an unknown type or field, a missing or
/// ill-typed field, an impossible date, an unknown level, a broken correction.
public struct EventValidationError: Error, Equatable, CustomStringConvertible {
  /// The reason, in words a user can act on (`missing field "org"`).
  public let reason: String

  /// Creates an error with its reason.
  public init(_ reason: String) {
    self.reason = reason
  }

  public var description: String { reason }
}
