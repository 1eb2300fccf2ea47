import Foundation
import LedgerCatalog
import LedgerCore
import Projections

extension CommandContext {
  func decideOverride(
    org: String, competency: String, level: Level, reason: String, expires: CivilDate?
  ) async throws
    -> Decision
  {
    let acting = try await authorize([.microsoftAgent], to: "place an override")
    _ = try await status(of: org)
    guard catalog.competency(competency) != nil else {
      throw CommandRefusal("\(competency) is not a competency of the program on \(date).")
    }
    guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw CommandRefusal("An override needs a reason.")
    }
    if let expires, expires <= date { throw CommandRefusal("An override must end after the day it is placed.") }
    let event = OverridePlaced(org: org, competency: competency, level: level, expires: expires)
    return Decision(event: .overridePlaced(event), role: acting, reason: reason)
  }

  func decideOverrideRevocation(org: String, competency: String) async throws -> Decision {
    let acting = try await authorize([.microsoftAgent], to: "revoke an override")
    let status = try await status(of: org)
    guard status.competencies.contains(where: { $0.competency == competency && $0.override != nil }) else {
      throw CommandRefusal("\(org) has no override of \(competency) in force on \(date).")
    }
    return Decision(event: .overrideRevoked(OverrideRevoked(org: org, competency: competency)), role: acting)
  }

  /// The specialization's definition and status on the day; refused when unknown.
  func specialization(_ id: String, of org: String) async throws -> (SpecializationDefinition, SpecializationStatus) {
    let status = try await status(of: org)
    guard let definition = catalog.specialization(id),
      let standing = status.specializations.first(where: { $0.specialization == id })
    else { throw CommandRefusal("\(id) is not an advanced specialization of the program on \(date).") }
    return (definition, standing)
  }

  /// Whether an audit of `id` is scheduled and not yet completed.
  func auditPending(_ id: String, of org: String) async throws -> Bool {
    var pending = false
    for event in try await history(of: .organization(org)) {
      switch event.event {
      case .auditScheduled(let scheduled) where scheduled.specialization == id: pending = true
      case .auditCompleted(let completed) where completed.specialization == id: pending = false
      default: break
      }
    }
    return pending
  }

  func decideAuditScheduling(org: String, id: String) async throws -> Decision {
    let acting = try await authorize(Self.admins, org: org, to: "schedule the audit of \(id)")
    let (definition, standing) = try await specialization(id, of: org)
    guard definition.needsAudit else { throw CommandRefusal("\(definition.name) needs no audit.") }
    guard standing.missingBeforeAudit.isEmpty else {
      throw CommandRefusal(
        "Schedule audit is not available for \(definition.name) until every other prerequisite is met. Missing: "
          + standing.missingBeforeAudit.joined(separator: "; ") + ".")
    }
    guard try await !auditPending(id, of: org) else {
      throw CommandRefusal("An audit of \(definition.name) is already scheduled for \(org).")
    }
    return Decision(event: .auditScheduled(AuditScheduled(org: org, specialization: id)), role: acting)
  }

  func decideAuditResult(org: String, id: String, result: AuditResult) async throws -> Decision {
    let acting = try await authorize([.auditor], to: "record an audit result")
    let (definition, _) = try await specialization(id, of: org)
    guard try await auditPending(id, of: org) else {
      throw CommandRefusal("No audit of \(definition.name) is scheduled for \(org).")
    }
    let event = AuditCompleted(org: org, specialization: id, result: result)
    return Decision(event: .auditCompleted(event), role: acting)
  }

  /// The reference's decision so far: `nil` when never submitted, else whether it is decided.
  func referenceDecided(_ reference: String, of id: String, org: String) async throws -> Bool? {
    var decided: Bool?
    for event in try await history(of: .organization(org)) {
      switch event.event {
      case .customerReferenceSubmitted(let submitted)
      where submitted.specialization == id
        && submitted.reference == reference:
        decided = false
      case .customerReferenceApproved(let approved)
      where approved.specialization == id
        && approved.reference == reference:
        decided = true
      case .customerReferenceRejected(let rejected)
      where rejected.specialization == id
        && rejected.reference == reference:
        decided = true
      default: break
      }
    }
    return decided
  }

  func decideReferenceSubmission(org: String, id: String, reference: String, customer: String) async throws -> Decision
  {
    let acting = try await authorize(Self.admins, org: org, to: "submit customer references for \(id)")
    let (definition, _) = try await specialization(id, of: org)
    guard definition.references > 0 else { throw CommandRefusal("\(definition.name) needs no customer references.") }
    guard try await referenceDecided(reference, of: id, org: org) == nil else {
      throw CommandRefusal("Reference \(reference) was already submitted for \(definition.name).")
    }
    let event = CustomerReferenceSubmitted(org: org, specialization: id, reference: reference, customer: customer)
    return Decision(event: .customerReferenceSubmitted(event), role: acting)
  }

  func decideReference(org: String, id: String, reference: String, approving: Bool) async throws -> Decision {
    let acting = try await authorize([.microsoftAgent], to: "\(approving ? "approve" : "reject") customer references")
    let (definition, _) = try await specialization(id, of: org)
    switch try await referenceDecided(reference, of: id, org: org) {
    case nil: throw CommandRefusal("No reference \(reference) was submitted for \(definition.name) by \(org).")
    case true?: throw CommandRefusal("Reference \(reference) for \(definition.name) is already decided.")
    case false?: break
    }
    let event: LedgerEvent =
      approving
      ? .customerReferenceApproved(CustomerReferenceApproved(org: org, specialization: id, reference: reference))
      : .customerReferenceRejected(CustomerReferenceRejected(org: org, specialization: id, reference: reference))
    return Decision(event: event, role: acting)
  }
}
