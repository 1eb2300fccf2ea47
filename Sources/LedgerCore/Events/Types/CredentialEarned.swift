/// An individual passes an exam or assessment, or earns a certification.
public struct CredentialEarned: EventPayload {
  public static let typeName = "CredentialEarned"
  /// The individual's id.
  public var individual: String
  /// The catalog code of the credential (`70-533`, `MCSA: Office 365`).
  public var credential: String
  /// The first day the credential no longer counts, when it expires.
  public var expires: CivilDate?

  /// Creates the event.
  public init(individual: String, credential: String, expires: CivilDate? = nil) {
    self.individual = individual
    self.credential = credential
    self.expires = expires
  }

  package init(reading fields: inout some FieldReading) throws(EventValidationError) {
    credential = try fields.string("credential")
    expires = try fields.optionalDate("expires")
    individual = try fields.string("individual")
  }

  package func write(to fields: inout FieldWriter) {
    fields.set("individual", individual)
    fields.set("credential", credential)
    fields.set("expires", expires)
  }

  public var stream: StreamName { .individual(individual) }

  public var event: LedgerEvent { .credentialEarned(self) }
}
