public import LedgerCore

/// One advanced specialization on one day.
public struct SpecializationStatus: Equatable, Sendable {
  /// The finer stage behind the two states the program shows.
  public enum Stage: String, Sendable {
    case notStarted = "not-started"
    case prerequisitesMet = "prerequisites-met"
    case auditScheduled = "audit-scheduled"
    case referencesSubmitted = "references-submitted"
    case active
  }

  /// Where one customer reference stands.
  public enum ReferenceState: String, Sendable {
    case submitted, approved, rejected
  }

  /// The specialization id.
  public let specialization: String
  /// The finer stage.
  public let stage: Stage
  /// The start of the current active run, when active.
  public let activeSince: CivilDate?
  /// The next anniversary of the active run (validity years from `activeSince`), when active:
  /// it is active through the day before, and re-checked on this day.
  public let anniversary: CivilDate?
  /// Whether it is active only because its validity year holds: the requirements are not all
  /// met today (``missing`` says what), and unless they are on the anniversary it lapses then.
  public let heldByValidityYear: Bool
  /// The first day the last passed audit no longer counts, when there is one.
  public let auditValidUntil: CivilDate?
  /// Approved customer references.
  public let approvedReferences: Int
  /// The customer references submitted, by reference id, with where each stands.
  public let references: [String: ReferenceState]
  /// Whether an audit is scheduled and its result not yet recorded.
  public let auditPending: Bool
  /// What is missing today, in words (for an active one, only when its year holds it).
  public let missing: [String]
  /// Every unmet prerequisite but the audit: the "Schedule audit" gate.
  public let missingBeforeAudit: [String]

  /// What the program shows: `active` or `not-started`.
  public var status: String { stage == .active ? "active" : "not-started" }
}
