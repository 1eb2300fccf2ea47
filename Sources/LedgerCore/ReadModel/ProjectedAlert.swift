/// One alert as a read model keeps it: the fields of the queries' `Alert`, in plain values.
public struct ProjectedAlert: Equatable, Sendable {
  /// The alert's content-derived id.
  public let id: String
  /// The organization.
  public let org: String
  /// Its place in the organization's replay order.
  public let sequence: Int
  /// The day it takes effect.
  public let effective: CivilDate
  /// `renewal-at-risk` or `renewal-reminder`.
  public let kind: String
  /// The competency at risk, for a renewal-at-risk alert.
  public let competency: String?
  /// `raised` or `cleared`.
  public let state: String
  /// The event id, or the time-driven reason, that caused it.
  public let cause: String
  /// The words the organization's admins read.
  public let message: String
  /// For a reminder, its timing.
  public let reminder: String?
  /// For a reminder, the anniversary it is about.
  public let anniversary: CivilDate?

  /// Creates a projected alert.
  public init(
    id: String, org: String, sequence: Int, effective: CivilDate, kind: String, competency: String?, state: String,
    cause: String, message: String, reminder: String?, anniversary: CivilDate?
  ) {
    self.id = id
    self.org = org
    self.sequence = sequence
    self.effective = effective
    self.kind = kind
    self.competency = competency
    self.state = state
    self.cause = cause
    self.message = message
    self.reminder = reminder
    self.anniversary = anniversary
  }
}
