/// Reads the ledger's NDJSON input: one JSON object per line with the common fields
/// (`type`, `effective`, `id`, `actor`, `corrects`, `reason`, `expectedVersion`) and the
/// fields of its type.
public enum EventInput {
  /// Reads one line into a proposed event, validating every field.
  /// - Throws: ``EventValidationError`` with the first problem found.
  public static func proposedEvent(
    fromLine line: some Collection<UInt8>
  ) throws(EventValidationError)
    -> ProposedEvent
  {
    let json: JSONValue
    do {
      json = try JSONParser.parse(Array(line))
    } catch {
      throw EventValidationError(error.description)
    }
    guard case .object(let members) = json else {
      throw EventValidationError("expected a JSON object, not \(json.kindName)")
    }
    var fields = FieldReader(members: members)
    let typeName = try fields.string("type")
    let effective = try fields.date("effective")
    let id = try fields.optionalString("id")
    let actor = try fields.raw("actor").map { json throws(EventValidationError) in try Actor(json: json) }
    let corrects = try fields.optionalString("corrects")
    let reason = try fields.optionalText("reason")
    if corrects != nil, reason == nil {
      throw EventValidationError("field \"corrects\" needs a \"reason\"")
    }
    let expectedVersion = try fields.optionalInteger("expectedVersion")
    if let expectedVersion, expectedVersion < 0 {
      throw EventValidationError("field \"expectedVersion\" must not be negative")
    }
    let event = try LedgerEvent(typeName: typeName, reading: &fields)
    try fields.finish()
    return ProposedEvent(
      id: id, effective: effective, event: event, actor: actor, corrects: corrects, reason: reason,
      expectedVersion: expectedVersion)
  }

  /// The input line of a proposed event: the envelope and fields as JSON, as `log --json`
  /// and `append` read them.
  public static func json(of proposed: ProposedEvent) -> JSONValue {
    var members: [(key: String, value: JSONValue)] = [
      ("type", .string(proposed.event.typeName)),
      ("effective", .string(proposed.effective.description)),
    ]
    if let id = proposed.id { members.append(("id", .string(id))) }
    if let actor = proposed.actor { members.append(("actor", actor.json)) }
    if let corrects = proposed.corrects { members.append(("corrects", .string(corrects))) }
    if let reason = proposed.reason { members.append(("reason", .string(reason))) }
    if case .object(let payload) = proposed.event.payloadJSON { members.append(contentsOf: payload) }
    return .object(members)
  }
}
