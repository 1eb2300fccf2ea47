public import LedgerCore

/// What the program shows for one organization on one day, as known at one position.
public struct OrganizationStatus: Equatable, Sendable {
  /// The organization's id.
  public let org: String
  /// Its name, once enrolled.
  public let name: String?
  /// The day asked about.
  public let asOf: CivilDate
  /// The catalog version in force that day.
  public let catalogVersion: String
  /// The membership in force (in its term or its renewal grace), or `nil`.
  public let membership: Membership?
  /// Every competency with any activity.
  public let competencies: [CompetencyStatus]
  /// Every specialization of the catalog.
  public let specializations: [SpecializationStatus]
  /// The renewal-at-risk alerts open that day.
  public let alerts: [RenewalAlert]
  /// Every raise and clear of a renewal-at-risk alert up to the day, in order.
  public let alertTransitions: [AlertTransition]

  /// A membership in force.
  public struct Membership: Equatable, Sendable {
    /// The level bought.
    public let level: Level
    /// The day membership at this level began.
    public let since: CivilDate
    /// The current term's anniversary.
    public let anniversary: CivilDate
    /// Whether the term has ended and the renewal window is open (benefits continue).
    public let inGrace: Bool
    /// The first day of the renewal window.
    public let renewalWindowOpens: CivilDate
    /// The day the membership lapses unless renewed.
    public let lapsesOn: CivilDate
  }

  /// One competency on the day.
  public struct CompetencyStatus: Equatable, Sendable {
    /// The competency id.
    public let competency: String
    /// What the requirements or an override in force support.
    public let attained: Level?
    /// What the requirements alone support.
    public let earned: Level?
    /// What the business profile shows.
    public let displayed: Level?
    /// Whether the renewal is at risk for this competency.
    public let atRisk: Bool
    /// The override in force, if any.
    public let override: OverrideGrant?
    /// The level each attainment path supports, by path id.
    public let paths: [String: Level?]
  }

  /// A renewal-at-risk alert open on the day.
  public struct RenewalAlert: Equatable, Sendable {
    /// The competency at risk.
    public let competency: String
    /// The level displayed, which the attainment no longer supports.
    public let level: Level
    /// The day it was raised.
    public let since: CivilDate
    /// What raised it.
    public let cause: ChangeCause
  }

  /// The seed's wording of the renewal-at-risk notification.
  public static let atRiskMessage =
    "A recent change to your competency achievement has put your membership renewal eligibility at risk."
}

/// A renewal-at-risk alert raised or cleared.
public struct AlertTransition: Equatable, Sendable {
  /// Raised or cleared.
  public enum State: String, Sendable {
    case raised, cleared
  }

  /// The competency.
  public let competency: String
  /// Raised or cleared.
  public let state: State
  /// The day of the transition.
  public let effective: CivilDate
  /// What caused it.
  public let cause: ChangeCause
}
