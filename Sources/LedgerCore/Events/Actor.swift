/// Who recorded an event: an id and, optionally, the role they acted in.
public struct Actor: Hashable, Sendable {
  /// The actor's id (a user, an agent, `system`).
  public let id: String
  /// The role claimed when recording, such as `microsoft-agent`.
  public let role: String?

  /// Creates an actor.
  public init(id: String, role: String? = nil) {
    self.id = id
    self.role = role
  }

  /// Reads `{"id": "...", "role": "..."}`.
  /// - Throws: ``EventValidationError`` when the object is ill-formed.
  public init(json: JSONValue) throws(EventValidationError) {
    guard case .object(let members) = json else {
      throw EventValidationError("field \"actor\" must be an object with \"id\" and \"role\"")
    }
    var fields = FieldReader(members: members)
    do {
      id = try fields.string("id")
      role = try fields.optionalString("role")
      try fields.finish()
    } catch {
      throw EventValidationError("field \"actor\": \(error.reason)")
    }
  }

  /// The actor as a JSON object.
  public var json: JSONValue {
    var fields = FieldWriter()
    fields.set("id", id)
    fields.set("role", role)
    return fields.object
  }
}
