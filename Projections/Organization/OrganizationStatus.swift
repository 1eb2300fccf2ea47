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
    /// Whether a renewal is due: the term has ended and none is recorded yet.
    public let renewalDue: Bool
    /// Whether `renew` would pass the attainment gate today: a competency (or an override in
    /// force) is attained at the membership's level.
    public let renewalPossible: Bool
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
  /// Why a cleared alert cleared (`nil` for a raise).
  public var reason: ClearReason? = nil

  /// Why a renewal-at-risk alert stops: the only three ways, and a new term bought.
  public enum ClearReason: String, Sendable {
    /// The requirement is met again.
    case metAgain = "met-again"
    /// The membership was renewed: its new term starts.
    case renewed
    /// The renewal window closed without a renewal.
    case lapsed
    /// A membership bought anew (an upgrade, or a purchase after a lapse) started a term.
    case newTerm = "new-term"

    /// The words of the cleared alert.
    public var words: String {
      switch self {
      case .metAgain: "the requirement is met again"
      case .renewed: "the membership was renewed"
      case .lapsed: "the renewal window closed and the membership lapsed"
      case .newTerm: "a new membership term began"
      }
    }
  }
}
