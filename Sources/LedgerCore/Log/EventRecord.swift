/// One row of the log as stored: the envelope, the type name and the canonical payload
/// bytes, with the chain hash. Reading it decodes nothing.
///
/// The id and the hash are held packed as a store hands them over (``PackedEventID``,
/// ``PackedHash``): a replay that never asks for them allocates nothing for them.
public struct EventRecord: Equatable, Sendable {
  /// The gap-free global position, from 1.
  public var position: Int64
  /// The unique event id (the client's, or a generated UUID).
  @inlinable
  public var id: String {
    get { packedID.text }
    set { packedID = .text(newValue) }
  }
  /// The id as held.
  @usableFromInline
  package var packedID: PackedEventID
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
  @inlinable
  public var hash: [UInt8] {
    get { packedHash.bytes }
    set { packedHash = PackedHash(newValue) }
  }
  /// The hash as held.
  @usableFromInline
  package var packedHash: PackedHash

  /// Creates a record (inlinable, so a reader builds it in place instead of copying each field).
  @inlinable
  public init(
    position: Int64, id: String, stream: StreamName, streamVersion: Int, typeName: String,
    schemaVersion: Int, effective: CivilDate, recorded: RecordedInstant, actor: Actor?,
    corrects: String?, reason: String?, payload: [UInt8], hash: [UInt8], writer: String? = nil,
    unchecked: Bool = false
  ) {
    self.init(
      position: position, packedID: .text(id), stream: stream, streamVersion: streamVersion, typeName: typeName,
      schemaVersion: schemaVersion, effective: effective, recorded: recorded, actor: actor, corrects: corrects,
      reason: reason, payload: payload, packedHash: PackedHash(hash), writer: writer, unchecked: unchecked)
  }

  /// Creates a record from the packed id and hash a store holds.
  @inlinable
  package init(
    position: Int64, packedID: PackedEventID, stream: StreamName, streamVersion: Int, typeName: String,
    schemaVersion: Int, effective: CivilDate, recorded: RecordedInstant, actor: Actor?,
    corrects: String?, reason: String?, payload: [UInt8], packedHash: PackedHash, writer: String?,
    unchecked: Bool
  ) {
    self.position = position
    self.packedID = packedID
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
    self.packedHash = packedHash
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
