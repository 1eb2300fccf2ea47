public import LedgerCatalog
public import LedgerCore
public import Projections

/// An organization's page: membership and anniversary, each competency (attained, displayed,
/// at risk, with the seed's alert wording), the specializations with what is missing and a
/// "Schedule audit" button enabled only when the program's gate would pass, the business
/// profile as customers see it, and the timeline picture.
public struct OrganizationPage {
  /// The status on the as-of day.
  public let status: OrganizationStatus
  /// The business profile that day.
  public let profile: BusinessProfile
  /// The rules in force that day (names, and which specializations need an audit).
  public let catalog: Catalog
  /// The timeline to draw.
  public let timeline: TimelinePicture
  /// The position the answers are known at, and the log's head.
  public let knownAt: Int64, head: Int64
  /// Whether the signed-in actor may schedule audits here (an admin of the organization).
  public let mayScheduleAudits: Bool
  /// The day an audit scheduled from the page takes effect (today): the buttons are enabled
  /// only on that day's page, where what they wait for is shown.
  public let schedulingDay: CivilDate
  /// The session's CSRF token, for the forms.
  public let csrf: String

  /// Creates the page.
  public init(
    status: OrganizationStatus, profile: BusinessProfile, catalog: Catalog, timeline: TimelinePicture, knownAt: Int64,
    head: Int64, mayScheduleAudits: Bool, schedulingDay: CivilDate, csrf: String
  ) {
    self.status = status
    self.profile = profile
    self.catalog = catalog
    self.timeline = timeline
    self.knownAt = knownAt
    self.head = head
    self.mayScheduleAudits = mayScheduleAudits
    self.schedulingDay = schedulingDay
    self.csrf = csrf
  }

  /// The page's HTML, within the layout, for `actor`.
  public func html(actor: String) -> String {
    let org = HTML.segment(status.org)
    let title = status.name.map { "\($0) (\(status.org))" } ?? status.org
    let body = """
      <h1>\(HTML.escape(title))</h1>
      <form method="get" action="/ui/organizations/\(org)">As of <input type="date" name="asOf" \
      value="\(status.asOf)"> as known at position <input type="number" name="knownAtPosition" min="0" \
      max="\(head)" value="\(knownAt)"> <button type="submit">Show</button> <span>(the log's head is \
      position \(head))</span></form>
      \(alerts)\(membership)\(competencies)\(specializations)\(businessProfile)
      <h2>Timeline</h2>\(timeline.svg)
      <p><a href="/ui/organizations/\(org)/history?to=\(status.asOf)&amp;knownAtPosition=\(knownAt)">History for \
      auditors</a></p>
      """
    return HTML.page(title: title, actor: actor, csrf: csrf, body: body)
  }

  private var alerts: String {
    status.alerts.map { alert in
      """
      <p class="alert" role="alert" data-competency="\(HTML.escape(alert.competency))">\
      \(HTML.escape(OrganizationStatus.atRiskMessage)) (\(HTML.escape(name(alert.competency))), since \
      \(alert.since))</p>
      """
    }.joined()
  }

  private var membership: String {
    guard let membership = status.membership else {
      return "<h2>Membership</h2><p id=\"membership\">None in force.</p>"
    }
    let grace =
      membership.inGrace
      ? "; the term has ended and the renewal window is open until \(membership.lapsesOn.adding(days: -1))" : ""
    return """
      <h2>Membership</h2><p id="membership">\(HTML.level(membership.level.rawValue)) since \(membership.since), \
      anniversary <b id="anniversary">\(membership.anniversary)</b>\(grace).</p>
      """
  }

  private var competencies: String {
    let rows = status.competencies.map { entry in
      let override =
        entry.override.map { "override to \($0.level.rawValue) until \($0.expires)" } ?? ""
      return """
        <tr data-competency="\(HTML.escape(entry.competency))"><td><a href="/ui/organizations/\
        \(HTML.segment(status.org))/explain/\(HTML.segment(entry.competency))?asOf=\(status.asOf)&amp;knownAtPosition=\
        \(knownAt)">\(HTML.escape(name(entry.competency)))</a></td><td class="attained">\
        \(HTML.level(entry.attained?.rawValue))</td><td class="displayed">\(HTML.level(entry.displayed?.rawValue))</td>\
        <td class="at-risk">\(entry.atRisk ? "at risk" : "")</td><td>\(HTML.escape(override))</td></tr>
        """
    }.joined()
    return """
      <h2>Competencies</h2><table id="competencies"><tr><th>Competency</th><th>Attained</th><th>Displayed</th>\
      <th>Renewal</th><th>Override</th></tr>\(rows.isEmpty ? "<tr><td colspan=\"5\">None attained.</td></tr>" : rows)</table>
      """
  }

  private var specializations: String {
    let rows = status.specializations.map { entry -> String in
      let definition = catalog.specialization(entry.specialization)
      let id = HTML.escape(entry.specialization)
      let missing = entry.missing.isEmpty ? "" : "Missing: " + entry.missing.map(HTML.escape).joined(separator: "; ")
      var action = ""
      if definition?.needsAudit == true {
        let blocker =
          !mayScheduleAudits
          ? "Only an admin of the organization schedules audits."
          : status.asOf != schedulingDay || knownAt != head
            ? "An audit is scheduled today, on what is known now: show today's page to schedule one."
            : entry.auditPending
              ? "An audit is already scheduled."
              : entry.missingBeforeAudit.isEmpty
                ? nil
                : "Every other prerequisite must be met first: " + entry.missingBeforeAudit.joined(separator: "; ")
        action = """
          <form class="inline" method="post" action="/ui/organizations/\(HTML.segment(status.org))/schedule-audit">\
          \(HTML.csrfField(csrf))<input type="hidden" name="specialization" value="\(id)">\
          <button type="submit" class="schedule-audit"\(blocker.map { " disabled title=\"\(HTML.escape($0))\"" } ?? "")>\
          Schedule audit</button></form>
          """
      }
      return """
        <tr data-specialization="\(id)"><td><a href="/ui/organizations/\(HTML.segment(status.org))/explain/\(HTML.segment(entry.specialization))?asOf=\
        \(status.asOf)&amp;knownAtPosition=\(knownAt)">\(HTML.escape(definition?.name ?? entry.specialization))</a></td>\
        <td class="status">\(entry.status)</td><td class="stage">\(entry.stage.rawValue)</td>\
        <td class="missing">\(missing)</td><td>\(action)</td></tr>
        """
    }.joined()
    return """
      <h2>Advanced specializations</h2><table id="specializations"><tr><th>Specialization</th><th>Status</th>\
      <th>Stage</th><th>What is missing</th><th></th></tr>\(rows)</table>
      """
  }

  private var businessProfile: String {
    let membership =
      profile.membership.map { "\(HTML.level($0.value.rawValue)) partner since \($0.since)" } ?? "No membership"
    let items =
      profile.competencies.map { "<li>\(HTML.level($0.value.rawValue)) \(HTML.escape(name($0.id)))</li>" }
      + profile.specializations.map { "<li class=\"tag\">\(HTML.escape($0.value))</li>" }
    return """
      <h2>Business profile, as customers see it</h2><div id="profile"><p>\(membership)</p><ul>\(items.joined())</ul></div>
      """
  }

  private func name(_ competency: String) -> String {
    catalog.competency(competency)?.name ?? competency
  }
}
