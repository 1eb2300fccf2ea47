/// An event as the log holds it, with its payload decoded into the typed fact.
///
/// The envelope's fields are reachable directly (`event.position`, `event.effective`).
@dynamicMemberLookup
public struct RecordedEvent: Equatable, Sendable {
  /// The stored row.
  public let record: EventRecord
  /// The fact.
  public let event: LedgerEvent

  /// Pairs a stored row with its decoded fact.
  @inlinable
  public init(record: EventRecord, event: LedgerEvent) {
    self.record = record
    self.event = event
  }

  /// The envelope fields of the stored row (inlinable, so a key path folds to a field read).
  @inlinable
  public subscript<Value>(dynamicMember keyPath: KeyPath<EventRecord, Value>) -> Value {
    record[keyPath: keyPath]
  }

  /// The stored payload's bytes, taken as the event is given up, so a reader can fill them
  /// again in place when nothing else holds them.
  package consuming func takingPayload() -> [UInt8] {
    record.payload
  }
}
