/// One row of the log as stored: the envelope, the type name and the canonical payload
/// bytes, with the chain hash. Reading it decodes nothing.
public struct EventRecord: Equatable, Sendable {
  /// The gap-free global position, from 1.
  public var position: Int64
  /// The unique event id (the client's, or a generated UUID).
  public var id: String
  /// The stream.
  public var stream: StreamName
  /// The event's version in its stream, from 1.
  public var streamVersion: Int
  /// The event type name.
  public var typeName: String
  /// The schema version the payload was written with.
  public var schemaVersion: Int
  /// When the fact took effect.
  public var effective: CivilDate
  /// When the ledger learned it.
  public var recorded: RecordedInstant
  /// Who recorded it.
  public var actor: Actor?
  /// The id of the event this one voids.
  public var corrects: String?
  /// The reason given.
  public var reason: String?
  /// The canonical payload bytes.
  public var payload: [UInt8]
  /// Who wrote the event into the log, when recorded (from schema 4 on).
  public var writer: String?
  /// Whether it was imported without the program's gates.
  public var unchecked: Bool
  /// The SHA-256 chain hash over the previous hash and ``canonicalBytes``.
  public var hash: [UInt8]

  /// Creates a record (inlinable, so a reader builds it in place instead of copying each field).
  @inlinable
  public init(
    position: Int64, id: String, stream: StreamName, streamVersion: Int, typeName: String,
    schemaVersion: Int, effective: CivilDate, recorded: RecordedInstant, actor: Actor?,
    corrects: String?, reason: String?, payload: [UInt8], hash: [UInt8], writer: String? = nil,
    unchecked: Bool = false
  ) {
    self.position = position
    self.id = id
    self.stream = stream
    self.streamVersion = streamVersion
    self.typeName = typeName
    self.schemaVersion = schemaVersion
    self.effective = effective
    self.recorded = recorded
    self.actor = actor
    self.corrects = corrects
    self.reason = reason
    self.payload = payload
    self.hash = hash
    self.writer = writer
    self.unchecked = unchecked
  }

  /// Decodes the payload into the typed fact.
  /// - Throws: ``EventValidationError`` when the stored payload is not valid for its type.
  public consuming func decoded() throws(EventValidationError) -> RecordedEvent {
    let event = try LedgerEvent(typeName: typeName, payload: payload)
    return RecordedEvent(record: self, event: event)
  }

  /// Decodes a record read back from storage, where a payload that is not valid for its
  /// type means the store was changed outside the ledger.
  /// - Throws: ``StoredDataError`` naming the position and the reason.
  public consuming func decodedFromStorage() throws(StoredDataError) -> RecordedEvent {
    let position = position
    do {
      return try decoded()
    } catch {
      throw StoredDataError(position: position, reason: error.reason)
    }
  }
}
