/// The type-specific fields of one kind of event, read and written through field helpers.
package protocol EventPayload: Equatable, Sendable {
  /// The event type name of the vocabulary (`OrganizationEnrolled`).
  static var typeName: String { get }
  /// Reads and validates the fields, asking for them in key order (see ``FieldReading``); the
  /// reader refuses unknown ones afterwards.
  init(reading fields: inout some FieldReading) throws(EventValidationError)
  /// Writes the fields, optionals only when present.
  func write(to fields: inout FieldWriter)
  /// The stream the event belongs to.
  var stream: StreamName { get }
  /// The event holding these fields.
  var event: LedgerEvent { get }
}

/// Something done with an event's type-specific fields whatever their type, called by
/// ``LedgerEvent/visit(_:)`` with the concrete payload.
protocol EventPayloadVisitor {
  /// What the visit gives.
  associatedtype Result
  /// Does the work on one payload.
  func visit<Payload: EventPayload>(_ payload: Payload) -> Result
}
