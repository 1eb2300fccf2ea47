import Foundation
import LedgerCatalog
import LedgerCore
import LedgerQueries
import LedgerStorage
import LedgerTestSupport
import Projections
import Testing

/// The web pages in a real browser (headless Chromium): sign-in through the form, the
/// organization's page checked against the status fold (the "Schedule audit" buttons, the
/// alert's words, the timeline's bands, a restatement shaded), and scheduling an audit from
/// the page. Screenshots go to `.build/screenshots`.
@Suite(.enabled(if: Browser.isAvailable, "needs Chromium (Debian's chromium; .ci/run installs it)"))
struct PageTests {
  static let day = Samples.date("2021-10-15")
  static let ws = "windows-server-and-sql-server-migration-to-microsoft-azure"

  /// The steps that sign `actor` in through the sign-in form.
  static func signIn(_ served: ServedLedger, as actor: String) -> [Browser.Step] {
    [
      .navigate(served.url("ui/login")),
      .act(
        "document.querySelector('input[name=token]').value = '\(served.tokens[actor]!)'; document.forms[0].submit()"),
    ]
  }

  static let buttons = """
    JSON.stringify([...document.querySelectorAll('tr[data-specialization]')].map(row => [row.dataset.specialization, \
    row.querySelector('button.schedule-audit') ? row.querySelector('button.schedule-audit').disabled : null]))
    """

  static func decoded(_ value: JSONValue) throws -> JSONValue {
    guard case .string(let text) = value else { return value }
    return try JSONParser.parse(Array(text.utf8))
  }

  @Test func theOrganizationPageShowsWhatTheStatusSays() async throws {
    let served = try await ServedLedger(today: Self.day)
    let page = served.url("ui/organizations/contoso")
    let values = try await Browser.run(
      [.navigate(page), .eval("location.pathname")] + Self.signIn(served, as: "admin") + [
        .eval("location.pathname"), .eval("document.cookie"),
        .navigate("\(page)?asOf=\(Self.day)"), .eval(Self.buttons),
        .eval(
          "JSON.stringify([...document.querySelectorAll('#timeline rect.band')].map(r => [r.dataset.row, r.classList[1].slice(5), r.dataset.from, r.dataset.until]))"
        ),
        .eval("document.getElementById('anniversary').textContent"), .screenshot("contoso-2021-10-15.png"),
        .navigate("\(page)?asOf=2020-07-01"),
        .eval("JSON.stringify([...document.querySelectorAll('p.alert')].map(p => p.textContent))"),
        .eval("document.querySelectorAll('#timeline rect.restated').length"),
        .navigate("\(page)?asOf=2020-07-01&knownAtPosition=30"),
        .eval("document.querySelectorAll('#timeline rect.restated').length"), .screenshot("contoso-as-known-at-30.png"),
      ], in: served.ledger.directory)
    try #require(values.count == 9)
    #expect(values[0] == .string("/ui/login"), "a page without a session sends the browser to sign in")
    #expect(values[1] == .string("/ui"))
    #expect(values[2] == .string(""), "the session cookie is HttpOnly: no script sees it")

    let log = try SQLiteEventLog(readingAt: served.ledger.path)
    let timeline = try await OrganizationQuery(log: log, catalogs: ServedLedger.catalogs)
      .timeline(of: "contoso", knownAt: log.headPosition())
    let status = timeline.status(asOf: Self.day)
    let catalog = ServedLedger.catalogs.catalog(on: Self.day)
    let expectedButtons = JSONValue.array(
      status.specializations.map { entry in
        let needsAudit = catalog.specialization(entry.specialization)?.needsAudit == true
        return .array([
          .string(entry.specialization),
          needsAudit ? .bool(!(entry.missingBeforeAudit.isEmpty && !entry.auditPending)) : .null,
        ])
      })
    #expect(try Self.decoded(values[3]) == expectedButtons)
    #expect(
      try Self.decoded(values[3]).arrayValue.contains(.array([.string(Self.ws), .bool(false)])),
      "the Windows Server migration audit can be scheduled on \(Self.day)")

    guard case .array(let bands) = try Self.decoded(values[4]) else {
      throw Browser.Failure(status: 0, stderr: "bands")
    }
    func band(_ row: String, on day: CivilDate) -> String? {
      for case .array(let fields) in bands {
        guard case .string(let id) = fields[0], id == row, case .string(let value) = fields[1], value != "at-risk",
          case .string(let from) = fields[2], case .string(let until) = fields[3],
          let start = try? CivilDate(parsing: from), let end = try? CivilDate(parsing: until), start <= day, day < end
        else { continue }
        return value
      }
      return nil
    }
    var day = Samples.date("2020-01-06")
    while day <= Self.day {
      let then = timeline.status(asOf: day)
      for competency in then.competencies {
        #expect(
          band(competency.competency, on: day) == competency.attained?.rawValue, "\(competency.competency) on \(day)")
      }
      #expect(band("membership", on: day) == then.membership?.level.rawValue, "membership on \(day)")
      day = day.adding(days: 17)
    }
    #expect(values[5] == .string(status.membership!.anniversary.description))
    let alerts = try Self.decoded(values[6]).arrayValue
    #expect(
      !alerts.isEmpty && alerts.allSatisfy { $0.stringValue?.hasPrefix(OrganizationStatus.atRiskMessage) == true })
    #expect(values[7] == .number(0), "nothing restated as known at the head")
    #expect(values[8] != .number(0), "the departure's correction restated June 2020 as known at position 30")
    let screenshot = try Data(contentsOf: Browser.screenshots.appendingPathComponent("contoso-2021-10-15.png"))
    #expect(screenshot.starts(with: [0x89, 0x50, 0x4E, 0x47]))
  }

  @Test func anAuditScheduledFromThePageIsRecordedAndItsButtonThenDisabled() async throws {
    let served = try await ServedLedger(today: Self.day)
    let before = try served.head()
    let button = "document.querySelector('tr[data-specialization=\"\(Self.ws)\"] button.schedule-audit')"
    let values = try await Browser.run(
      Self.signIn(served, as: "admin") + [
        .navigate(served.url("ui/organizations/contoso?asOf=\(Self.day)")), .eval("\(button).disabled"),
        .act("\(button).click()"), .eval("location.pathname"), .eval("\(button).disabled"),
        .eval(
          "fetch('/ui/organizations/contoso/schedule-audit', {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: 'specialization=\(Self.ws)'}).then(r => r.status)"
        ), .screenshot("contoso-audit-scheduled.png"),
      ], in: served.ledger.directory)
    #expect(values == [.bool(false), .string("/ui/organizations/contoso"), .bool(true), .number(403)])
    #expect(try served.head() == before + 1)
    let log = try SQLiteEventLog(readingAt: served.ledger.path)
    let last = try log.events(in: .organization("contoso"), knownAt: log.headPosition()).last
    #expect(last?.event == .auditScheduled(AuditScheduled(org: "contoso", specialization: Self.ws)))
    #expect(last?.actor == Actor(id: "admin", role: "global-admin"))
  }

  @Test func aLinkToAnOrganizationWhoseIdHasASlashLeadsToItsPage() async throws {
    let served = try await ServedLedger(today: Self.day)
    _ = try served.ledger.open().append([
      ProposedEvent(
        effective: Samples.date("2021-01-04"),
        event: .organizationEnrolled(OrganizationEnrolled(org: "acme eu/west", name: "Acme EU")))
    ])
    let values = try await Browser.run(
      Self.signIn(served, as: "maria") + [
        .navigate(served.url("ui")),
        .act("[...document.querySelectorAll('#organizations a')].find(a => a.textContent == 'acme eu/west').click()"),
        .eval("document.querySelector('h1').textContent"),
      ], in: served.ledger.directory)
    #expect(values == [.string("Acme EU (acme eu/west)")])
  }

  @Test func anotherOrganizationsAdministratorIsRefusedItsPage() async throws {
    let served = try await ServedLedger(today: Self.day)
    let values = try await Browser.run(
      Self.signIn(served, as: "fab-admin") + [
        .navigate(served.url("ui/organizations/contoso")), .eval("document.querySelector('h1').textContent"),
        .navigate(served.url("ui")),
        .eval("JSON.stringify([...document.querySelectorAll('#organizations a')].map(a => a.textContent))"),
      ], in: served.ledger.directory)
    #expect(values.first == .string("Not allowed"))
    #expect(try Self.decoded(values[1]) == .array([.string("fabrikam")]))
  }
}

extension JSONValue {
  var arrayValue: [JSONValue] { if case .array(let values) = self { values } else { [] } }
  var stringValue: String? { if case .string(let text) = self { text } else { nil } }
}
