/// One fact of the program's vocabulary, with its type-specific fields.
///
/// Projections switch over this enum; the store keeps the type name and the canonical
/// payload bytes (``canonicalPayload``) and decodes them back with ``init(typeName:payload:)``.
public enum LedgerEvent: Equatable, Sendable {
  case organizationEnrolled(OrganizationEnrolled)
  case credentialEarned(CredentialEarned)
  case individualAssociated(IndividualAssociated)
  case individualDeparted(IndividualDeparted)
  case membershipPurchased(MembershipPurchased)
  case membershipRenewed(MembershipRenewed)
  case overridePlaced(OverridePlaced)
  case overrideRevoked(OverrideRevoked)
  case performanceReported(PerformanceReported)
  case consumptionReported(ConsumptionReported)
  case customerReferenceSubmitted(CustomerReferenceSubmitted)
  case customerReferenceApproved(CustomerReferenceApproved)
  case customerReferenceRejected(CustomerReferenceRejected)
  case auditScheduled(AuditScheduled)
  case auditCompleted(AuditCompleted)
  case roleGranted(RoleGranted)
  case roleRevoked(RoleRevoked)
  case tokenIssued(TokenIssued)
  case tokenRevoked(TokenRevoked)

  /// The schema version every event type is written with today.
  public static let currentSchemaVersion = 1

  /// How one type's payload is read: from any JSON object, or front to back from canonical bytes.
  private struct Reader: Sendable {
    let typeName: String
    let fields: @Sendable (inout FieldReader) throws(EventValidationError) -> LedgerEvent
    let canonical: @Sendable (inout CanonicalFieldCursor) throws(EventValidationError) -> LedgerEvent

    init<Payload: EventPayload>(_ type: Payload.Type) {
      typeName = Payload.typeName
      fields = { fields throws(EventValidationError) in try Payload(reading: &fields).event }
      canonical = { fields throws(EventValidationError) in try Payload(reading: &fields).event }
    }
  }

  /// The readers in the order of ``typeNames``: a stored type name is the vocabulary's own
  /// string, which `==` matches by identity, so finding its reader hashes nothing.
  private static let readers: [Reader] = [
    Reader(OrganizationEnrolled.self),
    Reader(CredentialEarned.self),
    Reader(IndividualAssociated.self),
    Reader(IndividualDeparted.self),
    Reader(MembershipPurchased.self),
    Reader(MembershipRenewed.self),
    Reader(OverridePlaced.self),
    Reader(OverrideRevoked.self),
    Reader(PerformanceReported.self),
    Reader(ConsumptionReported.self),
    Reader(CustomerReferenceSubmitted.self),
    Reader(CustomerReferenceApproved.self),
    Reader(CustomerReferenceRejected.self),
    Reader(AuditScheduled.self),
    Reader(AuditCompleted.self),
    Reader(RoleGranted.self),
    Reader(RoleRevoked.self),
    Reader(TokenIssued.self),
    Reader(TokenRevoked.self),
  ].sorted { $0.typeName < $1.typeName }

  /// Every type name of the vocabulary, sorted.
  public static let typeNames: [String] = readers.map(\.typeName)

  /// The index in ``typeNames`` (and ``readers``) of the type named `typeName`.
  /// - Throws: ``EventValidationError`` for an unknown type.
  private static func readerIndex(_ typeName: String) throws(EventValidationError) -> Int {
    // Lengths first: `==` on two different names compares their bytes.
    let count = typeName.utf8.count
    for (index, name) in LedgerEvent.typeNames.enumerated() where name.utf8.count == count && name == typeName {
      return index
    }
    throw EventValidationError("unknown event type \"\(typeName)\"")
  }

  /// Reads the fields of an event of type `typeName`; the caller finishes the reader.
  /// - Throws: ``EventValidationError`` for an unknown type or a bad field.
  package init(typeName: String, reading fields: inout FieldReader) throws(EventValidationError) {
    self = try LedgerEvent.readers[Self.readerIndex(typeName)].fields(&fields)
  }

  /// Decodes a stored payload (canonical JSON of the type's fields): read front to back from
  /// its bytes (``CanonicalFieldCursor``) when it is canonical and plain, else parsed; both
  /// ways give the same event or error.
  /// - Throws: ``EventValidationError`` when the bytes do not hold a valid payload.
  public init(typeName: String, payload: [UInt8]) throws(EventValidationError) {
    if let event = Self.inKeyOrder(try Self.readerIndex(typeName), payload) {
      self = event
    } else {
      try self.init(typeName: typeName, parsing: payload)
    }
  }

  /// The event of type `typeName` read from the payload's bytes front to back, or `nil` when
  /// the cursor does not take them (the parser then decodes them, or words the error).
  /// - Throws: ``EventValidationError`` for an unknown type.
  package static func inKeyOrder(typeName: String, payload: [UInt8]) throws(EventValidationError) -> LedgerEvent? {
    inKeyOrder(try readerIndex(typeName), payload)
  }

  private static func inKeyOrder(_ index: Int, _ payload: [UInt8]) -> LedgerEvent? {
    payload.withUnsafeBufferPointer { bytes in
      guard var cursor = CanonicalFieldCursor(bytes) else { return nil }
      do {
        let event = try readers[index].canonical(&cursor)
        try cursor.finish()
        return event
      } catch {
        return nil
      }
    }
  }

  /// Decodes a stored payload through the JSON tree, whatever its shape.
  /// - Throws: ``EventValidationError`` when the bytes do not hold a valid payload.
  package init(typeName: String, parsing payload: [UInt8]) throws(EventValidationError) {
    let json: JSONValue
    do {
      json = try JSONParser.parse(payload)
    } catch {
      throw EventValidationError("stored payload: \(error)")
    }
    guard case .object(let members) = json else {
      throw EventValidationError("stored payload is not an object")
    }
    var fields = FieldReader(members: members, checksText: false)
    try self.init(typeName: typeName, reading: &fields)
    try fields.finish()
  }

  /// Calls `visitor` with the type-specific fields as their own type, without boxing them in
  /// an existential (which most payload types need a heap allocation for).
  func visit<Visitor: EventPayloadVisitor>(_ visitor: Visitor) -> Visitor.Result {
    switch self {
    case .organizationEnrolled(let payload): visitor.visit(payload)
    case .credentialEarned(let payload): visitor.visit(payload)
    case .individualAssociated(let payload): visitor.visit(payload)
    case .individualDeparted(let payload): visitor.visit(payload)
    case .membershipPurchased(let payload): visitor.visit(payload)
    case .membershipRenewed(let payload): visitor.visit(payload)
    case .overridePlaced(let payload): visitor.visit(payload)
    case .overrideRevoked(let payload): visitor.visit(payload)
    case .performanceReported(let payload): visitor.visit(payload)
    case .consumptionReported(let payload): visitor.visit(payload)
    case .customerReferenceSubmitted(let payload): visitor.visit(payload)
    case .customerReferenceApproved(let payload): visitor.visit(payload)
    case .customerReferenceRejected(let payload): visitor.visit(payload)
    case .auditScheduled(let payload): visitor.visit(payload)
    case .auditCompleted(let payload): visitor.visit(payload)
    case .roleGranted(let payload): visitor.visit(payload)
    case .roleRevoked(let payload): visitor.visit(payload)
    case .tokenIssued(let payload): visitor.visit(payload)
    case .tokenRevoked(let payload): visitor.visit(payload)
    }
  }

  /// The event type name (`OrganizationEnrolled`).
  public var typeName: String { visit(TypeNameVisitor()) }

  /// The stream the event belongs to.
  public var stream: StreamName { visit(StreamVisitor()) }

  /// The organization the event names, if any (not `CredentialEarned` nor the token events).
  public var organization: String? {
    switch self {
    case .organizationEnrolled(let event): event.org
    case .credentialEarned: nil
    case .individualAssociated(let event): event.org
    case .individualDeparted(let event): event.org
    case .membershipPurchased(let event): event.org
    case .membershipRenewed(let event): event.org
    case .overridePlaced(let event): event.org
    case .overrideRevoked(let event): event.org
    case .performanceReported(let event): event.org
    case .consumptionReported(let event): event.org
    case .customerReferenceSubmitted(let event): event.org
    case .customerReferenceApproved(let event): event.org
    case .customerReferenceRejected(let event): event.org
    case .auditScheduled(let event): event.org
    case .auditCompleted(let event): event.org
    case .roleGranted(let event): event.org
    case .roleRevoked(let event): event.org
    case .tokenIssued, .tokenRevoked: nil
    }
  }

  /// Where the event falls among events of the same effective day: enrolments first, then
  /// credentials, departures, associations (an ending precedes a beginning: leaving one
  /// organization and joining another on one day is a departure followed by an association),
  /// then everything else. Ties keep position order.
  /// The same-day rank of an association (and of a departure that follows one of the same
  /// individual and organization that day, see `OrganizationFacts`).
  public static let associationRank = 3

  public var sameDayRank: Int {
    switch self {
    case .organizationEnrolled: 0
    case .credentialEarned: 1
    case .individualDeparted: 2
    case .individualAssociated: LedgerEvent.associationRank
    default: 4
    }
  }

  /// The type-specific fields as a JSON object.
  public var payloadJSON: JSONValue { visit(FieldsVisitor()).object }

  /// The canonical bytes of the type-specific fields, as stored and hashed: those of
  /// ``payloadJSON``, written without building the object.
  public var canonicalPayload: [UInt8] { visit(FieldsVisitor()).canonicalBytes }
}

private struct TypeNameVisitor: EventPayloadVisitor {
  func visit<Payload: EventPayload>(_ payload: Payload) -> String { Payload.typeName }
}

private struct StreamVisitor: EventPayloadVisitor {
  func visit<Payload: EventPayload>(_ payload: Payload) -> StreamName { payload.stream }
}

private struct FieldsVisitor: EventPayloadVisitor {
  func visit<Payload: EventPayload>(_ payload: Payload) -> FieldWriter {
    var fields = FieldWriter()
    payload.write(to: &fields)
    return fields
  }
}
