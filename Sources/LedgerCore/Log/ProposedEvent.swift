/// An event a caller asks the log to append: the fact and its envelope, before the store
/// gives it a position, a recorded instant and a hash.
public struct ProposedEvent: Equatable, Sendable {
  /// The client's event id; the store generates a time-ordered UUID when absent.
  public var id: String?
  /// When the fact took effect in the program's world.
  public var effective: CivilDate
  /// The fact.
  public var event: LedgerEvent {
    didSet { encodedPayload = nil }
  }
  /// Who records it.
  public var actor: Actor?
  /// The id of an earlier event that this event voids.
  public var corrects: String?
  /// Free text; required with `corrects`.
  public var reason: String?
  /// The version the caller expects the event's stream to be at before this event.
  public var expectedVersion: Int?
  /// Who wrote the event into the log (the CLI's `--actor`, the server's authenticated
  /// caller), apart from the ``actor`` the fact names.
  public var writer: String?
  /// Whether the event was imported without the program's gates (`append --unchecked`).
  public var unchecked: Bool
  /// The fact's canonical payload, when a caller already encoded it (an importer that
  /// derives the id from it): the append reuses it instead of encoding again. Dropped
  /// whenever ``event`` changes.
  package private(set) var encodedPayload: [UInt8]?

  /// Creates a proposed event.
  public init(
    id: String? = nil, effective: CivilDate, event: LedgerEvent, actor: Actor? = nil,
    corrects: String? = nil, reason: String? = nil, expectedVersion: Int? = nil, writer: String? = nil,
    unchecked: Bool = false
  ) {
    self.id = id
    self.effective = effective
    self.event = event
    self.actor = actor
    self.corrects = corrects
    self.reason = reason
    self.expectedVersion = expectedVersion
    self.writer = writer
    self.unchecked = unchecked
  }

  /// The fact's canonical payload, encoded now and kept for the append.
  package mutating func encodePayload() -> [UInt8] {
    if let encodedPayload { return encodedPayload }
    let bytes = event.canonicalPayload
    encodedPayload = bytes
    return bytes
  }

  /// Equal when every field is (a kept encoding of the payload does not count).
  public static func == (lhs: ProposedEvent, rhs: ProposedEvent) -> Bool {
    lhs.id == rhs.id && lhs.effective == rhs.effective && lhs.event == rhs.event && lhs.actor == rhs.actor
      && lhs.corrects == rhs.corrects && lhs.reason == rhs.reason && lhs.expectedVersion == rhs.expectedVersion
      && lhs.writer == rhs.writer && lhs.unchecked == rhs.unchecked
  }
}

extension ProposedEvent {
  /// The event as `writer` writes it; `unchecked` marks an import that skipped the gates.
  public func written(by writer: String, unchecked: Bool = false) -> ProposedEvent {
    var event = self
    event.writer = writer
    event.unchecked = unchecked
    return event
  }

  /// The first envelope field or stream name that is not stored as it is hashed (it holds a
  /// NUL or is not NFC; see ``CanonicalText``), if any. The payload needs no check: its
  /// canonical bytes are NFC by construction.
  public var unstorableField: String? {
    if let id, !CanonicalText.isStorable(id) { return "field \"id\"" }
    if let actor {
      if !CanonicalText.isStorable(actor.id) { return "field \"actor.id\"" }
      if let role = actor.role, !CanonicalText.isStorable(role) { return "field \"actor.role\"" }
    }
    if let corrects, !CanonicalText.isStorable(corrects) { return "field \"corrects\"" }
    if let reason, !CanonicalText.isStorable(reason) { return "field \"reason\"" }
    if let writer, !CanonicalText.isStorable(writer) { return "the writer" }
    let stream = event.stream
    // Both parts storable make the name storable when they are ASCII (no composition across
    // the slash); otherwise the whole name is checked.
    let storable =
      CanonicalText.isASCII(stream.category) && CanonicalText.isASCII(stream.id)
      ? CanonicalText.isStorable(stream.category) && CanonicalText.isStorable(stream.id)
      : CanonicalText.isStorable(stream.description)
    if !storable { return "stream \"\(stream)\"" }
    if let org = event.organization, !CanonicalText.isStorable(org) { return "field \"org\"" }
    return nil
  }
}
