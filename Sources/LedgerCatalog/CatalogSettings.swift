/// The catalog's answers to the rules the program left ambiguous (rules §11), each
/// defaulting to the reading a program operator would expect.
public struct CatalogSettings: Equatable, Sendable {
  /// How long an override lasts when it gives no `expires`, in calendar months (3).
  public var overrideMonths: Int
  /// Days after the anniversary when the renewal window opens (1: "anniversary plus one day").
  public var renewalWindowOpensAfterDays: Int
  /// Days after the anniversary that benefits continue and renewal is still possible (30).
  public var renewalGraceDays: Int
  /// How many competencies one individual may count toward; `nil` is unlimited (the default).
  public var maxCompetenciesPerIndividual: Int?
  /// Whether a renewal may be at a lower level than the term it renews (an effective
  /// downgrade when Gold no longer passes; default true).
  public var downgradeAtRenewal: Bool
  /// Whether a metric window includes the as-of date's own month (default false: full months).
  public var metricWindowIncludesCurrentMonth: Bool
  /// Whether a specialization's aligned Gold must be active (attained and a Gold membership in
  /// force, the default) or only attained.
  public var specializationNeedsActiveGold: Bool
  /// How long a passed audit satisfies the audit requirement, in months (24).
  public var auditValidityMonths: Int
  /// How long an activated specialization lasts before its prerequisites are checked again, in months (12).
  public var specializationValidityMonths: Int
  /// Days before the anniversary of the first renewal reminder (15).
  public var reminderDaysBeforeAnniversary: Int
  /// Days after the anniversary of the second renewal reminder (23).
  public var reminderDaysAfterAnniversary: Int
  /// How many associations an individual may make in twelve months (3).
  public var associationsPerYear: Int
  /// The cool-off between two associations of one individual, in days (30).
  public var daysBetweenAssociations: Int

  /// The defaults of rules §11.
  public static let defaults = CatalogSettings(
    overrideMonths: 3, renewalWindowOpensAfterDays: 1, renewalGraceDays: 30, maxCompetenciesPerIndividual: nil,
    downgradeAtRenewal: true, metricWindowIncludesCurrentMonth: false, specializationNeedsActiveGold: true,
    auditValidityMonths: 24, specializationValidityMonths: 12, reminderDaysBeforeAnniversary: 15,
    reminderDaysAfterAnniversary: 23, associationsPerYear: 3, daysBetweenAssociations: 30)
}
