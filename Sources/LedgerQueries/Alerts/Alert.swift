public import LedgerCore
public import Projections

/// A notification due to an organization: a renewal-at-risk alert raised or cleared, or a
/// renewal reminder. Its id is derived from its content, so the same alert always has the
/// same id (and a receiver can drop a redelivery by it).
public struct Alert: Equatable, Sendable {
  /// `renewal-at-risk` or `renewal-reminder`.
  public enum Kind: String, Sendable {
    case renewalAtRisk = "renewal-at-risk"
    case renewalReminder = "renewal-reminder"
  }

  /// The stable id.
  public let id: String
  /// The organization.
  public let org: String
  /// What kind of alert.
  public let kind: Kind
  /// The competency at risk (`nil` for a reminder, which is about the membership).
  public let competency: String?
  /// `raised` or `cleared`; a reminder is `raised`.
  public let state: AlertTransition.State
  /// The day it takes effect.
  public let effective: CivilDate
  /// The event id, or the time-driven reason, that caused it.
  public let cause: String
  /// The words the organization's admins read.
  public let message: String
  /// For a reminder: before or after the anniversary.
  public let reminder: RenewalReminder.Timing?
  /// For a reminder: the anniversary it is about.
  public let anniversary: CivilDate?

  /// The alert for a renewal-at-risk transition of `org`.
  public init(org: String, transition: AlertTransition) {
    let message =
      transition.state == .raised
      ? OrganizationStatus.atRiskMessage
      : "The renewal-at-risk alert for \(transition.competency) is cleared: \(transition.reason?.words ?? "the requirement is met again")."
    self.init(
      org: org, kind: .renewalAtRisk, competency: transition.competency, state: transition.state,
      effective: transition.effective, cause: transition.cause.description, message: message, reminder: nil,
      anniversary: nil)
  }

  /// The alert for a renewal reminder of `org`.
  public init(org: String, reminder: RenewalReminder) {
    let cause =
      "renewal reminder: \(reminder.timing == .beforeAnniversary ? "before" : "after") the anniversary \(reminder.anniversary)"
    self.init(
      org: org, kind: .renewalReminder, competency: nil, state: .raised, effective: reminder.effective,
      cause: cause, message: reminder.message, reminder: reminder.timing, anniversary: reminder.anniversary)
  }

  init(
    org: String, kind: Kind, competency: String?, state: AlertTransition.State, effective: CivilDate,
    cause: String, message: String, reminder: RenewalReminder.Timing?, anniversary: CivilDate?
  ) {
    let key = [org, kind.rawValue, competency ?? "", state.rawValue, effective.description, cause]
      .joined(separator: "\u{1F}")
    self.id = ContentDigest.id("alert-", of: Array(key.utf8), length: 24)
    self.org = org
    self.kind = kind
    self.competency = competency
    self.state = state
    self.effective = effective
    self.cause = cause
    self.message = message
    self.reminder = reminder
    self.anniversary = anniversary
  }

}
