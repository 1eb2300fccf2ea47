/// The operator revokes a bearer token: from this event on, the HTTP interface refuses it.
public struct TokenRevoked: EventPayload {
  public static let typeName = "TokenRevoked"
  /// The actor the token authenticated.
  public var subject: String
  /// The token's id.
  public var token: String

  /// Creates the event.
  public init(subject: String, token: String) {
    self.subject = subject
    self.token = token
  }

  package init(reading fields: inout some FieldReading) throws(EventValidationError) {
    subject = try fields.string("subject")
    token = try fields.string("token")
  }

  package func write(to fields: inout FieldWriter) {
    fields.set("subject", subject)
    fields.set("token", token)
  }

  public var stream: StreamName { .actor(subject) }

  public var event: LedgerEvent { .tokenRevoked(self) }
}
