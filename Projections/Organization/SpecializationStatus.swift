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

  /// The specialization id.
  public let specialization: String
  /// The finer stage.
  public let stage: Stage
  /// The start of the current active run, when active.
  public let activeSince: CivilDate?
  /// The next anniversary of the active run (validity years from `activeSince`), when active.
  public let anniversary: CivilDate?
  /// The first day the last passed audit no longer counts, when there is one.
  public let auditValidUntil: CivilDate?
  /// Approved customer references.
  public let approvedReferences: Int
  /// What is missing, in words, when not active.
  public let missing: [String]
  /// Every unmet prerequisite but the audit: the "Schedule audit" gate.
  public let missingBeforeAudit: [String]

  /// What the program shows: `active` or `not-started`.
  public var status: String { stage == .active ? "active" : "not-started" }
}
