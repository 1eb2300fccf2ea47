/// What makes two events with the same id "the same content": everything the client gave
/// except the expected version, which only guards the first write.
package struct EventContent: Equatable, Sendable {
  /// The event type's name.
  package let typeName: String
  /// The effective date as stored (`2021-03-31`).
  package let effective: String
  /// Who the fact names as acting.
  package let actor: Actor?
  /// The event it voids.
  package let corrects: String?
  /// Why.
  package let reason: String?
  /// The canonical payload bytes.
  package let payload: [UInt8]

  /// Content as a backend reads it back from its columns.
  package init(typeName: String, effective: String, actor: Actor?, corrects: String?, reason: String?, payload: [UInt8])
  {
    self.typeName = typeName
    self.effective = effective
    self.actor = actor
    self.corrects = corrects
    self.reason = reason
    self.payload = payload
  }

  /// The content of a proposed event.
  package init(_ proposed: ProposedEvent) {
    self.init(
      typeName: proposed.event.typeName, effective: proposed.effective.description, actor: proposed.actor,
      corrects: proposed.corrects, reason: proposed.reason,
      payload: proposed.encodedPayload ?? proposed.event.canonicalPayload)
  }
}
