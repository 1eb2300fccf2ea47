import Foundation
public import LedgerCore

extension CatalogSettings: Decodable {
  /// One setting a catalog file may give: its key, how it is read into the settings, and
  /// its value as `ledger catalog --json` shows it. The table is the one list of settings:
  /// the reader, its unknown-key check and the catalog document all follow it.
  public struct Field: Sendable {
    /// The member name in the file.
    public let key: String
    /// The setting's value as JSON.
    public let value: @Sendable (CatalogSettings) -> JSONValue
    let read: @Sendable (CatalogObject, inout CatalogSettings) throws -> Void

    static func whole(
      _ key: String, _ path: any WritableKeyPath<CatalogSettings, Int> & Sendable, minimum: Int = 0
    )
      -> Field
    {
      Field(key: key, value: { .number(Decimal($0[keyPath: path])) }) { object, settings in
        if let value = try object.integer(key, minimum: minimum) { settings[keyPath: path] = value }
      }
    }

    static func flag(_ key: String, _ path: any WritableKeyPath<CatalogSettings, Bool> & Sendable) -> Field {
      Field(key: key, value: { .bool($0[keyPath: path]) }) { object, settings in
        if let value = try object.optional(Bool.self, key) { settings[keyPath: path] = value }
      }
    }
  }

  /// Every setting, in the order the catalog document lists them.
  public static let fields: [Field] = [
    .whole("overrideMonths", \.overrideMonths, minimum: 1),
    .whole("renewalWindowOpensAfterDays", \.renewalWindowOpensAfterDays),
    .whole("renewalGraceDays", \.renewalGraceDays),
    Field(
      key: "maxCompetenciesPerIndividual",
      value: { $0.maxCompetenciesPerIndividual.map { .number(Decimal($0)) } ?? .null }
    ) {
      object, settings in
      settings.maxCompetenciesPerIndividual = try object.integer("maxCompetenciesPerIndividual", minimum: 1)
    },
    .flag("downgradeAtRenewal", \.downgradeAtRenewal),
    .flag("metricWindowIncludesCurrentMonth", \.metricWindowIncludesCurrentMonth),
    .flag("specializationNeedsActiveGold", \.specializationNeedsActiveGold),
    .whole("auditValidityMonths", \.auditValidityMonths, minimum: 1),
    .whole("specializationValidityMonths", \.specializationValidityMonths, minimum: 1),
    .whole("reminderDaysBeforeAnniversary", \.reminderDaysBeforeAnniversary),
    .whole("reminderDaysAfterAnniversary", \.reminderDaysAfterAnniversary),
    .whole("associationsPerYear", \.associationsPerYear, minimum: 1),
    .whole("daysBetweenAssociations", \.daysBetweenAssociations),
  ]

  /// Reads the settings a file gives; the others keep their defaults.
  public init(from decoder: any Decoder) throws {
    let object = try decoder.object(allowing: Set(Self.fields.map(\.key)))
    self = .defaults
    for field in Self.fields { try field.read(object, &self) }
  }
}
