public import LedgerCore
import Projections

extension Alert {
  /// Every alert of `timeline` through `end`, in the replay's order: its renewal-at-risk
  /// transitions, then its reminders.
  static func all(of timeline: OrganizationTimeline, through end: CivilDate) -> [Alert] {
    let (transitions, reminders) = timeline.alerts(through: end)
    return all(org: timeline.facts.org, transitions: transitions, reminders: reminders)
  }

  /// The alerts of `org`'s transitions and reminders, in that order.
  static func all(org: String, transitions: [AlertTransition], reminders: [RenewalReminder]) -> [Alert] {
    transitions.map { Alert(org: org, transition: $0) } + reminders.map { Alert(org: org, reminder: $0) }
  }

  /// The alert as a read model keeps it, the `sequence`-th of its organization.
  func projected(sequence: Int) -> ProjectedAlert {
    ProjectedAlert(
      id: id, org: org, sequence: sequence, effective: effective, kind: kind.rawValue, competency: competency,
      state: state.rawValue, cause: cause, message: message, reminder: reminder?.rawValue, anniversary: anniversary)
  }

  /// The alert a read model kept. Its id is derived again from the content and must match.
  /// - Throws: ``StoredDataError`` when a field does not read back or the id differs.
  public init(_ projected: ProjectedAlert) throws {
    guard let kind = Kind(rawValue: projected.kind), let state = AlertTransition.State(rawValue: projected.state)
    else {
      throw StoredDataError(position: nil, reason: "read model alert \(projected.id) has an unknown kind or state")
    }
    let reminder = try projected.reminder.map { text in
      guard let timing = RenewalReminder.Timing(rawValue: text) else {
        throw StoredDataError(position: nil, reason: "read model alert \(projected.id) has an unknown reminder")
      }
      return timing
    }
    self.init(
      org: projected.org, kind: kind, competency: projected.competency, state: state, effective: projected.effective,
      cause: projected.cause, message: projected.message, reminder: reminder, anniversary: projected.anniversary)
    guard id == projected.id else {
      throw StoredDataError(
        position: nil, reason: "read model alert \(projected.id) does not match its content (\(id)); rebuild it")
    }
  }
}
