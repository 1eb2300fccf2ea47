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

  func decideAuditScheduling(org: String, id: String) async throws -> Decision {
    let acting = try await authorize(Self.admins, org: org, to: "schedule the audit of \(id)")
    let (definition, standing) = try await specialization(id, of: org)
    guard definition.needsAudit else { throw CommandRefusal("\(definition.name) needs no audit.") }
    guard standing.missingBeforeAudit.isEmpty else {
      throw CommandRefusal(
        "Schedule audit is not available for \(definition.name) until every other prerequisite is met. Missing: "
          + standing.missingBeforeAudit.joined(separator: "; ") + ".")
    }
    guard !standing.auditPending else {
      throw CommandRefusal("An audit of \(definition.name) is already scheduled for \(org).")
    }
    return Decision(event: .auditScheduled(AuditScheduled(org: org, specialization: id)), role: acting)
  }

  func decideAuditResult(org: String, id: String, result: AuditResult) async throws -> Decision {
    let acting = try await authorize([.auditor], to: "record an audit result")
    let (definition, standing) = try await specialization(id, of: org)
    guard standing.auditPending else {
      throw CommandRefusal("No audit of \(definition.name) is scheduled for \(org).")
    }
    let event = AuditCompleted(org: org, specialization: id, result: result)
    return Decision(event: .auditCompleted(event), role: acting)
  }

  func decideReferenceSubmission(org: String, id: String, reference: String, customer: String) async throws -> Decision
  {
    let acting = try await authorize(Self.admins, org: org, to: "submit customer references for \(id)")
    let (definition, standing) = try await specialization(id, of: org)
    guard definition.references > 0 else { throw CommandRefusal("\(definition.name) needs no customer references.") }
    guard standing.references[reference] == nil else {
      throw CommandRefusal("Reference \(reference) was already submitted for \(definition.name).")
    }
    let event = CustomerReferenceSubmitted(org: org, specialization: id, reference: reference, customer: customer)
    return Decision(event: .customerReferenceSubmitted(event), role: acting)
  }

  func decideReference(org: String, id: String, reference: String, approving: Bool) async throws -> Decision {
    let acting = try await authorize([.microsoftAgent], to: "\(approving ? "approve" : "reject") customer references")
    let (definition, standing) = try await specialization(id, of: org)
    switch standing.references[reference] {
    case nil: throw CommandRefusal("No reference \(reference) was submitted for \(definition.name) by \(org).")
    case .approved?, .rejected?:
      throw CommandRefusal("Reference \(reference) for \(definition.name) is already decided.")
    case .submitted?: break
    }
    let event: LedgerEvent =
      approving
      ? .customerReferenceApproved(CustomerReferenceApproved(org: org, specialization: id, reference: reference))
      : .customerReferenceRejected(CustomerReferenceRejected(org: org, specialization: id, reference: reference))
    return Decision(event: event, role: acting)
  }
}
