import LedgerCore
public import Projections

extension StatusDocument {
  /// The status in lines; `activeOnly` lists only active specializations (for the demo).
  public static func text(_ status: OrganizationStatus, knownAtPosition: Int64, activeOnly: Bool = false) -> String {
    var lines = [
      "\(OutputText.escaped(status.name ?? status.org)) (\(OutputText.escaped(status.org))) on \(status.asOf), as known at position \(knownAtPosition)"
    ]
    if let membership = status.membership {
      var line =
        "Membership: \(membership.level.rawValue) since \(membership.since), anniversary \(membership.anniversary)"
      if membership.inGrace { line += " (in the renewal window; lapses on \(membership.lapsesOn))" }
      if membership.renewalDue {
        line +=
          membership.renewalPossible
          ? "\nRenewal: due by \(membership.lapsesOn.adding(days: -1)), possible now"
          : "\nRenewal: due by \(membership.lapsesOn.adding(days: -1)), not possible yet: no competency is attained at \(membership.level.rawValue)"
      }
      lines.append(line)
    } else {
      lines.append("Membership: none in force")
    }
    lines.append("Competencies:")
    if status.competencies.isEmpty { lines.append("  none attained") }
    for competency in status.competencies {
      var line =
        "  \(competency.competency): attained \(competency.attained?.rawValue ?? "none"), "
        + "displayed \(competency.displayed?.rawValue ?? "none")"
      if let grant = competency.override {
        line +=
          ", override \(grant.level.rawValue) until \(grant.expires) (requirements alone: \(competency.earned?.rawValue ?? "none"))"
      }
      if competency.atRisk { line += ", RENEWAL AT RISK" }
      lines.append(line)
    }
    let started = status.specializations.filter { $0.stage == .active || (!activeOnly && $0.stage != .notStarted) }
    lines.append(started.isEmpty ? "Specializations: none started" : "Specializations:")
    for specialization in started {
      var line = "  \(specialization.specialization): \(specialization.status) (\(specialization.stage.rawValue))"
      if let since = specialization.activeSince, let anniversary = specialization.anniversary {
        line +=
          " since \(since), through \(anniversary.adding(days: -1)) (its validity year; re-checked on \(anniversary))"
        if specialization.heldByValidityYear { line += "; held by its validity year, as today it lacks" }
      }
      if !specialization.missing.isEmpty {
        line +=
          (specialization.heldByValidityYear ? " " : "; missing ") + specialization.missing.joined(separator: "; ")
      }
      lines.append(line)
    }
    lines.append(status.alerts.isEmpty ? "Alerts: none" : "Alerts:")
    for alert in status.alerts {
      lines.append(
        "  \(alert.competency) since \(alert.since) (cause: \(alert.cause)): \(OrganizationStatus.atRiskMessage)")
    }
    return lines.joined(separator: "\n")
  }
}
