import LedgerCore

extension CredentialDefinition: Decodable {
  public init(from decoder: any Decoder) throws {
    let object = try decoder.object(allowing: ["code", "name", "kind", "retired", "acceptedUntil"])
    let kindText = try object.string("kind")
    guard let kind = Kind(rawValue: kindText) else {
      throw decoder.failure("unknown kind \"\(kindText)\" (exam, assessment or certification)")
    }
    let retired = try object.date("retired")
    // Retired credentials stay accepted for twelve months unless the program said otherwise (rules §6).
    self.init(
      code: try object.string("code"), name: try object.string("name"), kind: kind, retired: retired,
      acceptedUntil: try object.date("acceptedUntil") ?? retired?.adding(months: 12))
  }
}
