import LedgerCatalog
import LedgerCore

extension TimelineWalk {
  /// The next day after `date` on which time alone changes something, with the reasons.
  func nextTimePoint(after date: CivilDate) -> (date: CivilDate, reasons: [String])? {
    // The credentials' day first: the memo's, when it evaluated the holdings there are now
    // (the walk evaluates every such day, so none falls between); their reasons only for the
    // day that wins.
    let catalog = catalogs.catalog(on: date)
    let credentialDay: CivilDate?
    if let remembered = memo.nextHoldingsChange(for: state, catalog: catalog), remembered.map({ $0 > date }) ?? true {
      credentialDay = remembered
    } else {
      credentialDay = nextCredentialChange(after: date, catalog: catalog)
    }
    var best = credentialDay
    var reasons: [String] = []
    func consider(_ candidate: CivilDate?, _ reason: @autoclosure () -> String) {
      guard let candidate, candidate > date else { return }
      if best == nil || candidate < best! {
        best = candidate
        reasons = [reason()]
      } else if candidate == best {
        reasons.append(reason())
      }
    }
    for (competency, grant) in state.overrides.sorted(by: { $0.key < $1.key }) {
      consider(grant.expires, "override of \(competency) ended")
    }
    if let term = state.membership {
      consider(term.anniversary, "membership term ended")
      consider(term.windowOpens, "renewal window opened")
      consider(
        term.anniversary.adding(days: -catalog.settings.reminderDaysBeforeAnniversary), "renewal reminder due")
      consider(term.anniversary.adding(days: catalog.settings.reminderDaysAfterAnniversary), "renewal reminder due")
      consider(term.lapsesOn, "renewal window closed: membership lapsed")
    }
    if let lastMonth = lastFigureMonth {
      let nextMonth = YearMonth(date).adding(months: 1)
      // The longest window the catalog allows still moves for that many months after the last figure.
      if nextMonth <= lastMonth.adding(months: Requirement.longestWindowMonths) {
        consider(nextMonth.firstDay, Self.windowMoved)
      }
    }
    for (specialization, record) in state.audits.sorted(by: { $0.key < $1.key }) {
      if let pass = record.lastPass {
        consider(
          pass.date.adding(months: catalog.settings.auditValidityMonths), "audit pass of \(specialization) lapsed")
      }
    }
    for (specialization, run) in specializationRuns.sorted(by: { $0.key < $1.key }) {
      consider(run.anniversary, "anniversary of \(specialization): its validity year is re-checked")
    }
    for version in catalogs.versions.dropFirst() {
      let change = version.effectiveFrom
      consider(change, "catalog version \(catalogs.catalog(on: change).version) came into force")
    }
    guard let best else { return nil }
    if best == credentialDay { reasons = credentialReasons(on: best, catalog: catalog) + reasons }
    return (best, reasons)
  }

  /// The first day after `date` on which a member's credential expires or stops being accepted.
  private func nextCredentialChange(after date: CivilDate, catalog: Catalog) -> CivilDate? {
    var best: CivilDate?
    for individual in state.members {
      for holding in (state.credentials[individual] ?? [:]).values {
        for day in [holding.expires, catalog.credentials[holding.code]?.acceptedUntil?.adding(days: 1)] {
          if let day, day > date, best.map({ day < $0 }) ?? true { best = day }
        }
      }
    }
    return best
  }

  /// Why members' credentials change on `day`, by member and code.
  private func credentialReasons(on day: CivilDate, catalog: Catalog) -> [String] {
    var reasons: [String] = []
    for individual in state.members {
      for holding in (state.credentials[individual] ?? [:]).values.sorted(by: { $0.code < $1.code }) {
        if let expires = holding.expires, expires == day {
          reasons.append("credential \(holding.code) of \(individual) expired")
        }
        if let last = catalog.credentials[holding.code]?.acceptedUntil, last.adding(days: 1) == day {
          reasons.append("credential \(holding.code) of \(individual) is no longer accepted")
        }
      }
    }
    return reasons
  }

  /// The last month with a performance or consumption figure.
  var lastFigureMonth: YearMonth? {
    switch (state.lastPerformanceMonth, state.consumption.lastMonth) {
    case (let performance?, let consumption?): max(performance, consumption)
    case (let month?, nil), (nil, let month?): month
    case (nil, nil): nil
    }
  }
}
