public import LedgerCore

extension CatalogHistory {
  /// Why the catalog does not know something `event` names (a credential, competency,
  /// specialization or metric), or `nil`. Any version's knowledge suffices: history may be
  /// recorded under rules that were in force then.
  public func problem(with event: LedgerEvent) -> String? {
    switch event {
    case .credentialEarned(let earned) where !knowsCredential(earned.credential):
      return "unknown credential \"\(earned.credential)\""
    case .overridePlaced(let placed) where !knowsCompetency(placed.competency):
      return "unknown competency \"\(placed.competency)\""
    case .overrideRevoked(let revoked) where !knowsCompetency(revoked.competency):
      return "unknown competency \"\(revoked.competency)\""
    case .performanceReported(let reported) where !knowsMetric(reported.metric):
      return "unknown metric \"\(reported.metric)\""
    default:
      guard let specialization = event.specialization, !knowsSpecialization(specialization) else { return nil }
      return "unknown specialization \"\(specialization)\""
    }
  }
}

extension LedgerEvent {
  /// The specialization the event names, if any.
  var specialization: String? {
    switch self {
    case .customerReferenceSubmitted(let event): event.specialization
    case .customerReferenceApproved(let event): event.specialization
    case .customerReferenceRejected(let event): event.specialization
    case .auditScheduled(let event): event.specialization
    case .auditCompleted(let event): event.specialization
    default: nil
    }
  }
}
