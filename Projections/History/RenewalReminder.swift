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

  /// The reminder's wording, after the program's.
  public var message: String {
    switch timing {
    case .beforeAnniversary:
      "Your membership anniversary date is \(anniversary). You can renew from the day after it until \(lastRenewalDay)."
    case .afterAnniversary:
      "Your membership anniversary date was \(anniversary). Renew by \(lastRenewalDay) or you'll lose your benefits and competencies."
    }
  }
}
