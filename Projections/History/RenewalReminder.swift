public import LedgerCore

/// A renewal reminder due to an organization's admins (rules §3.3): some days before the
/// anniversary when no renewal is recorded yet, and some days after it while the renewal
/// window is still open.
public struct RenewalReminder: Equatable, Sendable {
  /// Before or after the anniversary.
  public enum Timing: String, Sendable {
    case beforeAnniversary = "before-anniversary"
    case afterAnniversary = "after-anniversary"
  }

  /// Before or after the anniversary.
  public let timing: Timing
  /// The day the reminder is due.
  public let effective: CivilDate
  /// The anniversary it is about.
  public let anniversary: CivilDate
  /// The membership level to renew.
  public let level: Level
  /// The last day to renew.
  public let lastRenewalDay: CivilDate
  /// Whether a renewal at ``level`` would pass on the reminder's day (a competency attained
  /// at that level); the wording never invites a renewal the program would refuse.
  public let renewable: Bool

  /// The reminder's wording, after the program's.
  public var message: String {
    let blocked =
      "Renewing at \(level.rawValue) needs a competency attained at \(level.rawValue), which is not the case today"
    switch (timing, renewable) {
    case (.beforeAnniversary, true):
      return
        "Your membership anniversary date is \(anniversary). You can renew from the day after it until \(lastRenewalDay)."
    case (.beforeAnniversary, false):
      return
        "Your membership anniversary date is \(anniversary). The renewal window runs from the day after it until \(lastRenewalDay). \(blocked)."
    case (.afterAnniversary, true):
      return
        "Your membership anniversary date was \(anniversary). Renew by \(lastRenewalDay) or you'll lose your benefits and competencies."
    case (.afterAnniversary, false):
      return
        "Your membership anniversary date was \(anniversary). Renewal is not possible yet: \(blocked.prefix(1).lowercased() + blocked.dropFirst()). Unless you renew by \(lastRenewalDay), you'll lose your benefits and competencies."
    }
  }
}
