import LedgerCatalog
import LedgerCore

extension TimelineWalk {
  /// The reason a moving performance window gives; alone and changing nothing, it is not
  /// worth a line of history.
  static let windowMoved = "performance window moved"

  /// Adds a history entry for `source` when the journal is kept.
  mutating func record(on date: CivilDate, _ source: HistoryEntry.Source) {
    guard journal != nil else { return }
    let snapshot = self.snapshot(on: date)
    let changes = snapshot.changes(from: lastSnapshot)
    lastSnapshot = snapshot
    if case .timeDriven(let reasons) = source, changes.isEmpty, reasons.allSatisfy({ $0 == Self.windowMoved }) {
      return
    }
    journal?.append(HistoryEntry(date: date, source: source, changes: changes))
  }

  /// What the program shows after the day's last evaluation.
  func snapshot(on date: CivilDate) -> OrganizationSnapshot {
    var snapshot = OrganizationSnapshot()
    let term = state.membership.flatMap { date < $0.lapsesOn ? $0 : nil }
    if let term {
      var phase =
        date < term.anniversary
        ? "\(term.level.rawValue) until \(term.anniversary)"
        : date < term.windowOpens
          ? "\(term.level.rawValue), term ended \(term.anniversary)"
          : "\(term.level.rawValue), renewal window open until \(term.lapsesOn.adding(days: -1))"
      if let renewal = term.pendingRenewal { phase += ", renewed at \(renewal.level.rawValue)" }
      snapshot.set("membership", "membership", phase)
    }
    for entry in attainment {
      snapshot.set(entry.competency, "attained", entry.attained?.rawValue)
      if term != nil { snapshot.set(entry.competency, "displayed", shown[entry.competency]?.rawValue) }
      if risks[entry.competency] != nil { snapshot.set(entry.competency, "alert", "renewal-at-risk") }
    }
    for specialization in specializationRuns.keys {
      snapshot.set(specialization, "status", SpecializationStatus.Stage.active.rawValue)
    }
    return snapshot
  }

  /// Notes a renewal reminder due on `date` (rules §3.3): before the anniversary when no
  /// renewal is recorded, after it while the term is still unrenewed.
  mutating func noteReminder(_ term: MembershipTerm, on date: CivilDate, settings: CatalogSettings) {
    let lastRenewalDay = term.lapsesOn.adding(days: -1)
    let timing: RenewalReminder.Timing
    if date == term.anniversary.adding(days: -settings.reminderDaysBeforeAnniversary), term.pendingRenewal == nil {
      timing = .beforeAnniversary
    } else if date == term.anniversary.adding(days: settings.reminderDaysAfterAnniversary), date < term.lapsesOn {
      timing = .afterAnniversary
    } else {
      return
    }
    let reminder = RenewalReminder(
      timing: timing, effective: date, anniversary: term.anniversary, level: term.level,
      lastRenewalDay: lastRenewalDay, renewable: Self.canRenew(at: term.level, attainment: attainment))
    if reminders.last != reminder { reminders.append(reminder) }
  }
}
