public import LedgerCore

/// A yearly membership term: in force from `start` to `anniversary` (closed-open), then in
/// grace while the renewal window is open, then lapsed.
public struct MembershipTerm: Equatable, Sendable {
  /// The level bought.
  public let level: Level
  /// The day the membership at this level began (renewals keep it).
  public let since: CivilDate
  /// The first day of this term.
  public let start: CivilDate
  /// The anniversary: the first day after the term.
  public let anniversary: CivilDate
  /// The event that bought or last renewed it.
  public let event: String
  /// The first day of the renewal window (anniversary + 1 day by default).
  public let windowOpens: CivilDate
  /// The first day after the renewal window (and after the benefits' grace): the membership
  /// has lapsed on this day unless renewed.
  public let lapsesOn: CivilDate
  /// A renewal recorded before the anniversary, waiting to start there.
  public let pendingRenewal: PendingRenewal?

  /// A renewal that takes effect at the anniversary.
  public struct PendingRenewal: Equatable, Sendable {
    /// The renewed level.
    public let level: Level
    /// The renewing event.
    public let event: String
  }

  init(
    level: Level, since: CivilDate, start: CivilDate, anniversary: CivilDate, event: String,
    settings: CatalogSettingsView, pendingRenewal: PendingRenewal? = nil
  ) {
    self.level = level
    self.since = since
    self.start = start
    self.anniversary = anniversary
    self.event = event
    self.windowOpens = anniversary.adding(days: settings.renewalWindowOpensAfterDays)
    self.lapsesOn = windowOpens.adding(days: settings.renewalGraceDays)
    self.pendingRenewal = pendingRenewal
    self.settings = settings
  }

  private let settings: CatalogSettingsView

  public static func == (lhs: MembershipTerm, rhs: MembershipTerm) -> Bool {
    (lhs.level, lhs.since, lhs.start, lhs.anniversary, lhs.event, lhs.pendingRenewal)
      == (rhs.level, rhs.since, rhs.start, rhs.anniversary, rhs.event, rhs.pendingRenewal)
  }

  /// The term after a renewal recorded while this one is in force or in grace.
  func renewed(level newLevel: Level, event renewal: String) -> MembershipTerm {
    MembershipTerm(
      level: level, since: since, start: start, anniversary: anniversary, event: event, settings: settings,
      pendingRenewal: PendingRenewal(level: newLevel, event: renewal))
  }

  /// The next term, starting at the anniversary, when a renewal is pending.
  func advanced() -> MembershipTerm? {
    guard let pendingRenewal else { return nil }
    return MembershipTerm(
      level: pendingRenewal.level, since: pendingRenewal.level == level ? since : anniversary, start: anniversary,
      anniversary: anniversary.adding(years: 1), event: pendingRenewal.event, settings: settings)
  }

  /// The same term at Silver, for a Gold renewal whose requirements no longer pass.
  func downgraded() -> MembershipTerm {
    MembershipTerm(
      level: .silver, since: start, start: start, anniversary: anniversary, event: event, settings: settings)
  }

  /// Whether `date` falls after the anniversary, in the renewal window.
  public func isInGrace(on date: CivilDate) -> Bool {
    anniversary <= date && date < lapsesOn
  }
}
