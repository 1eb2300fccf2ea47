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

  private typealias Reader = @Sendable (inout FieldReader) throws(EventValidationError) -> LedgerEvent

  private static let readersByName: [String: Reader] = [
    OrganizationEnrolled.typeName: { fields throws(EventValidationError) in
      .organizationEnrolled(try OrganizationEnrolled(reading: &fields))
    },
    CredentialEarned.typeName: { fields throws(EventValidationError) in
      .credentialEarned(try CredentialEarned(reading: &fields))
    },
    IndividualAssociated.typeName: { fields throws(EventValidationError) in
      .individualAssociated(try IndividualAssociated(reading: &fields))
    },
    IndividualDeparted.typeName: { fields throws(EventValidationError) in
      .individualDeparted(try IndividualDeparted(reading: &fields))
    },
    MembershipPurchased.typeName: { fields throws(EventValidationError) in
      .membershipPurchased(try MembershipPurchased(reading: &fields))
    },
    MembershipRenewed.typeName: { fields throws(EventValidationError) in
      .membershipRenewed(try MembershipRenewed(reading: &fields))
    },
    OverridePlaced.typeName: { fields throws(EventValidationError) in
      .overridePlaced(try OverridePlaced(reading: &fields))
    },
    OverrideRevoked.typeName: { fields throws(EventValidationError) in
      .overrideRevoked(try OverrideRevoked(reading: &fields))
    },
    PerformanceReported.typeName: { fields throws(EventValidationError) in
      .performanceReported(try PerformanceReported(reading: &fields))
    },
    ConsumptionReported.typeName: { fields throws(EventValidationError) in
      .consumptionReported(try ConsumptionReported(reading: &fields))
    },
    CustomerReferenceSubmitted.typeName: { fields throws(EventValidationError) in
      .customerReferenceSubmitted(try CustomerReferenceSubmitted(reading: &fields))
    },
    CustomerReferenceApproved.typeName: { fields throws(EventValidationError) in
      .customerReferenceApproved(try CustomerReferenceApproved(reading: &fields))
    },
    CustomerReferenceRejected.typeName: { fields throws(EventValidationError) in
      .customerReferenceRejected(try CustomerReferenceRejected(reading: &fields))
    },
    AuditScheduled.typeName: { fields throws(EventValidationError) in
      .auditScheduled(try AuditScheduled(reading: &fields))
    },
    AuditCompleted.typeName: { fields throws(EventValidationError) in
      .auditCompleted(try AuditCompleted(reading: &fields))
    },
    RoleGranted.typeName: { fields throws(EventValidationError) in
      .roleGranted(try RoleGranted(reading: &fields))
    },
    RoleRevoked.typeName: { fields throws(EventValidationError) in
      .roleRevoked(try RoleRevoked(reading: &fields))
    },
    TokenIssued.typeName: { fields throws(EventValidationError) in
      .tokenIssued(try TokenIssued(reading: &fields))
    },
    TokenRevoked.typeName: { fields throws(EventValidationError) in
      .tokenRevoked(try TokenRevoked(reading: &fields))
    },
  ]

  /// Every type name of the vocabulary, sorted.
  public static let typeNames: [String] = readersByName.keys.sorted()

  /// The readers in the order of ``typeNames``: a stored type name is the vocabulary's own
  /// string, which `==` matches by identity, so finding its reader hashes nothing.
  private static let readers: [Reader] = typeNames.map { readersByName[$0]! }

  /// Reads the fields of an event of type `typeName`; the caller finishes the reader.
  /// - Throws: ``EventValidationError`` for an unknown type or a bad field.
  package init(typeName: String, reading fields: inout FieldReader) throws(EventValidationError) {
    let names = LedgerEvent.typeNames
    // Lengths first: `==` on two different names compares their bytes.
    let count = typeName.utf8.count
    guard let index = names.indices.first(where: { names[$0].utf8.count == count && names[$0] == typeName }) else {
      throw EventValidationError("unknown event type \"\(typeName)\"")
    }
    self = try LedgerEvent.readers[index](&fields)
  }

  /// Decodes a stored payload (canonical JSON of the type's fields): the usual flat payload of
  /// plain strings and numbers is read in place (``StoredMembers``), any other is parsed.
  /// - Throws: ``EventValidationError`` when the bytes do not hold a valid payload.
  public init(typeName: String, payload: [UInt8]) throws(EventValidationError) {
    if let event = try Self.scanned(typeName: typeName, payload: payload) {
      self = event
    } else {
      try self.init(typeName: typeName, parsing: payload)
    }
  }

  /// The event read from the payload's members in place, or `nil` when the scan does not
  /// handle the payload's shape.
  private static func scanned(typeName: String, payload: [UInt8]) throws(EventValidationError) -> LedgerEvent? {
    let scanned = payload.withUnsafeBufferPointer { bytes in
      StoredMembers.scanning(bytes) { members in
        Result { () throws(EventValidationError) -> LedgerEvent? in
          guard let members else { return nil }
          var fields = FieldReader(stored: members)
          let event = try LedgerEvent(typeName: typeName, reading: &fields)
          try fields.finish()
          return event
        }
      }
    }
    return try scanned.get()
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
