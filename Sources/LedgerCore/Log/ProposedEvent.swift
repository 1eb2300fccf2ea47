/// An event a caller asks the log to append: the fact and its envelope, before the store
/// gives it a position, a recorded instant and a hash.
public struct ProposedEvent: Equatable, Sendable {
  /// The client's event id; the store generates a time-ordered UUID when absent.
  public var id: String?
  /// When the fact took effect in the program's world.
  public var effective: CivilDate
  /// The fact.
  public var event: LedgerEvent
  /// Who records it.
  public var actor: Actor?
  /// The id of an earlier event that this event voids.
  public var corrects: String?
  /// Free text; required with `corrects`.
  public var reason: String?
  /// The version the caller expects the event's stream to be at before this event.
  public var expectedVersion: Int?

  /// Creates a proposed event.
  public init(
    id: String? = nil, effective: CivilDate, event: LedgerEvent, actor: Actor? = nil,
    corrects: String? = nil, reason: String? = nil, expectedVersion: Int? = nil
  ) {
    self.id = id
    self.effective = effective
    self.event = event
    self.actor = actor
    self.corrects = corrects
    self.reason = reason
    self.expectedVersion = expectedVersion
  }

  /// The maximum length of a client event id.
  public static let maximumIDLength = 200
}
