import LedgerCore
import LedgerPresentation
import LedgerQueries
import LedgerTestSupport
import Projections
import Testing

/// Alerts: renewal-at-risk raised and cleared, renewal reminders on their days, stable ids.
struct AlertTests {
  static func alerts(_ history: HistoryBuilder, through date: String) -> [Alert] {
    let (transitions, reminders) = OrganizationTimeline(
      catalogs: bundledCatalogs, facts: OrganizationFacts(org: "contoso", events: history.visibleEvents)
    ).alerts(through: Samples.date(date))
    return transitions.map { Alert(org: "contoso", transition: $0) }
      + reminders.map { Alert(org: "contoso", reminder: $0) }
  }

  static func summary(_ alert: Alert) -> String {
    "\(alert.effective) \(alert.kind.rawValue) \(alert.competency ?? "-") \(alert.state.rawValue) \(alert.cause)"
  }

  /// Raised by the drop, open through the anniversary and the renewal window, cleared only by
  /// the lapse here, in words that say so.
  @Test func atRiskAlertsStayOpenUntilTheLapseAndSayWhyTheyClear() {
    let alerts = Self.alerts(HistoryTests.scenario(corrected: false), through: "2021-04-02")
      .filter { $0.kind == .renewalAtRisk }
    #expect(
      alerts.map(Self.summary) == [
        "2020-06-15 renewal-at-risk application-development raised left",
        "2020-07-01 renewal-at-risk cloud-platform raised override of cloud-platform ended",
        "2021-04-02 renewal-at-risk application-development cleared renewal window closed: membership lapsed",
        "2021-04-02 renewal-at-risk cloud-platform cleared renewal window closed: membership lapsed",
      ])
    #expect(alerts.first?.message == OrganizationStatus.atRiskMessage)
    #expect(
      alerts.last?.message
        == "The renewal-at-risk alert for cloud-platform is cleared: the renewal window closed and the membership lapsed."
    )
    #expect(
      Self.alerts(HistoryTests.scenario(corrected: false), through: "2021-04-01").filter { $0.kind == .renewalAtRisk }
        .count == 2)
  }

  @Test func inTheWindowAnOverrideClearsItsCompetencyAsMetAgainAndTheRenewalClearsTheRest() {
    var history = HistoryTests.scenario(corrected: false)
    // A Silver override of one competency meets it again and makes a Silver renewal possible.
    history.add(
      "2021-03-10",
      .overridePlaced(OverridePlaced(org: "contoso", competency: "application-development", level: .silver)),
      id: "override-2")
    history.add("2021-03-10", .membershipRenewed(MembershipRenewed(org: "contoso", level: .silver)), id: "renewal")
    let cleared = Self.alerts(history, through: "2021-06-30").filter {
      $0.kind == .renewalAtRisk && $0.state == .cleared
    }
    #expect(
      cleared.map(Self.summary) == [
        "2021-03-10 renewal-at-risk application-development cleared override-2",
        "2021-03-10 renewal-at-risk cloud-platform cleared renewal",
      ])
    #expect(cleared.first?.message.hasSuffix("is cleared: the requirement is met again.") == true)
    #expect(cleared.last?.message.hasSuffix("is cleared: the membership was renewed.") == true)
  }

  @Test func theReminderAfterTheAnniversaryNeverInvitesARenewalThatWouldBeRefused() {
    let reminders = Self.alerts(HistoryTests.scenario(corrected: false), through: "2021-12-31")
      .filter { $0.kind == .renewalReminder }
    #expect(reminders.count == 2)
    #expect(reminders.allSatisfy { !$0.message.contains("You can renew") })
    #expect(reminders.last?.message.contains("Renewal is not possible yet") == true)
    var healthy = HistoryBuilder()
    healthy.enrol("contoso")
    healthy.hire("alice", at: "contoso", holding: ["70-533"], on: "2020-02-03")
    healthy.hire("bob", at: "contoso", holding: ["70-532"], on: "2020-02-03")
    healthy.purchase("contoso", .silver, on: "2020-03-02")
    let invited = Self.alerts(healthy, through: "2021-12-31").filter { $0.kind == .renewalReminder }
    #expect(invited.first?.message.contains("You can renew from the day after it until 2021-04-01.") == true)
    #expect(invited.last?.message.contains("Renew by 2021-04-01") == true)
  }

  @Test(arguments: [
    ("2021-02-14", 0), ("2021-02-15", 1), ("2021-03-24", 1), ("2021-03-25", 2), ("2022-12-31", 2),
  ])
  func remindersFallFifteenDaysBeforeAndTwentyThreeDaysAfterTheAnniversary(through date: String, count: Int) {
    let reminders = Self.alerts(HistoryTests.scenario(corrected: false), through: date)
      .filter { $0.kind == .renewalReminder }
    #expect(reminders.count == count)
    #expect(
      reminders.map(\.effective).prefix(count)
        == [Samples.date("2021-02-15"), Samples.date("2021-03-25")].prefix(count))
    #expect(reminders.allSatisfy { $0.anniversary == Samples.date("2021-03-02") && $0.competency == nil })
  }

  @Test func aRenewalBeforeTheAnniversarySilencesBothReminders() {
    var history = HistoryTests.scenario(corrected: false)
    history.add("2021-02-01", .membershipRenewed(MembershipRenewed(org: "contoso", level: .silver)))
    let reminders = Self.alerts(history, through: "2021-12-31").filter { $0.kind == .renewalReminder }
    #expect(reminders.isEmpty)
    #expect(Self.alerts(history, through: "2022-03-01").filter { $0.kind == .renewalReminder }.count == 1)
  }

  @Test func idsAreStableAcrossReplaysAndDistinctAcrossAlerts() {
    let history = HistoryTests.scenario(corrected: false)
    let first = Self.alerts(history, through: "2021-12-31")
    var extended = history
    extended.add("2021-06-01", .organizationEnrolled(OrganizationEnrolled(org: "fabrikam", name: "Fabrikam")))
    let second = Self.alerts(extended, through: "2021-12-31")
    #expect(first.map(\.id) == second.map(\.id))
    #expect(Set(first.map(\.id)).count == first.count)
    #expect(first.allSatisfy { $0.id.hasPrefix("alert-") && $0.id.count == 30 })
  }

  @Test func theJSONCarriesTheKeysTheInterfaceFixes() {
    let alert = Self.alerts(HistoryTests.scenario(corrected: false), through: "2021-12-31")[0]
    guard case .object(let members) = AlertDocument.json(alert) else {
      Issue.record("not an object")
      return
    }
    let keys = Set(members.map(\.key))
    #expect(keys.isSuperset(of: ["org", "kind", "competency", "state", "effective", "cause", "message", "id"]))
  }
}
