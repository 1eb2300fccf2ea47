public import LedgerCore

/// What an organization's business profile shows customers on a day (rules §3.5, seed 001):
/// the membership level, each competency displayed at Silver or Gold, and a tag for each
/// active advanced specialization, each with the day it has been shown since.
public struct BusinessProfile: Equatable, Sendable {
  /// The organization.
  public let org: String
  /// Its name, once enrolled.
  public let name: String?
  /// The day asked about.
  public let asOf: CivilDate
  /// The membership shown, with the day membership at this level began; `nil` without one.
  public let membership: Shown<Level>?
  /// The competencies shown, by id.
  public let competencies: [Shown<Level>]
  /// The advanced specializations tagged (active ones), by id.
  public let specializations: [Shown<String>]

  /// What `status` shows, each competency's display dated by `displayedSince` (the first day
  /// of the run of days on which it has shown its level).
  init(status: OrganizationStatus, displayedSince: (String) -> CivilDate?) {
    org = status.org
    name = status.name
    asOf = status.asOf
    membership = status.membership.map { .init(id: status.org, value: $0.level, since: $0.since) }
    competencies = status.competencies.compactMap { competency in
      guard let level = competency.displayed, let since = displayedSince(competency.competency) else { return nil }
      return .init(id: competency.competency, value: level, since: since)
    }
    specializations = status.specializations.compactMap { specialization in
      guard specialization.status == "active", let since = specialization.activeSince else { return nil }
      return .init(id: specialization.specialization, value: specialization.specialization, since: since)
    }
  }

  /// One thing the profile shows, and since when it has shown it without a break.
  public struct Shown<Value: Equatable & Sendable>: Equatable, Sendable {
    /// The competency or specialization id (the organization's, for the membership).
    public let id: String
    /// What is shown: a level, or the specialization's tag.
    public let value: Value
    /// The first day of the run in which it has been shown so.
    public let since: CivilDate
  }
}
