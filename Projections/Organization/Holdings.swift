public import LedgerCore

/// A credential an individual earned, and when it stops counting.
struct CredentialHolding: Equatable {
  let code: String
  let earned: CivilDate
  let expires: CivilDate?
  let event: String
}

/// An override in force from `placed` up to, not including, `expires`.
public struct OverrideGrant: Equatable, Sendable {
  /// The level it supports.
  public let level: Level
  /// The day it was placed.
  public let placed: CivilDate
  /// The first day it no longer applies.
  public let expires: CivilDate
  /// Why the agent placed it.
  public let reason: String?
  /// The placing event.
  public let event: String
}

/// The audit history of one specialization.
struct AuditRecord: Equatable {
  var scheduled: (date: CivilDate, event: String)?
  var lastPass: (date: CivilDate, event: String)?
  var lastResult: (result: AuditResult, date: CivilDate, event: String)?

  static func == (lhs: AuditRecord, rhs: AuditRecord) -> Bool {
    lhs.scheduled?.event == rhs.scheduled?.event && lhs.lastPass?.event == rhs.lastPass?.event
      && lhs.lastResult?.event == rhs.lastResult?.event
  }

  mutating func complete(_ result: AuditResult, on date: CivilDate, event: String) {
    lastResult = (result, date, event)
    scheduled = nil
    if result == .pass { lastPass = (date, event) }
  }
}

/// One customer reference and its decision.
struct ReferenceRecord: Equatable {
  typealias Status = SpecializationStatus.ReferenceState
  let customer: String
  var status: Status
  var event: String

  mutating func decide(_ decision: Status, event: String) {
    status = decision
    self.event = event
  }
}
