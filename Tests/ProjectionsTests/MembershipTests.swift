import Foundation
import LedgerCore
import LedgerTestSupport
import Projections
import Testing

struct MembershipTests {
  /// Contoso attains Gold Cloud Platform with alice and bob and buys Gold on 29 February 2020.
  static var leapDayGold: HistoryBuilder {
    var history = HistoryBuilder()
    history.enrol("contoso")
    history.hire("alice", at: "contoso", holding: ["70-535"], on: "2020-01-02")
    history.hire("bob", at: "contoso", holding: ["Cloud Platform assessment"], on: "2020-01-02")
    for month in 1...12 { history.consume("contoso", 10_000, month: String(format: "2019-%02d", month)) }
    for month in 1...12 { history.consume("contoso", 10_000, month: String(format: "2020-%02d", month)) }
    history.purchase("contoso", .gold, on: "2020-02-29")
    return history
  }

  @Test(
    arguments: [
      ("2020-02-28", nil, false), ("2020-02-29", "2021-02-28", false), ("2021-02-27", "2021-02-28", false),
      ("2021-02-28", "2021-02-28", true), ("2021-03-30", "2021-02-28", true), ("2021-03-31", nil, false),
    ] as [(String, String?, Bool)])
  func aTermRunsToTheAnniversaryThenTheRenewalWindow(date: String, anniversary: String?, inGrace: Bool) {
    let membership = Self.leapDayGold.status("contoso", on: date).membership
    #expect(membership?.anniversary.description == anniversary)
    #expect((membership?.inGrace ?? false) == inGrace)
  }

  @Test func theWindowOpensTheDayAfterTheAnniversaryAndLastsThirtyDays() {
    let membership = Self.leapDayGold.status("contoso", on: "2020-06-01").membership
    #expect(membership?.renewalWindowOpens == Samples.date("2021-03-01"))
    #expect(membership?.lapsesOn == Samples.date("2021-03-31"))
  }

  @Test func aRenewalInTheWindowMovesTheAnniversaryOneYearFromTheOldOne() {
    var history = Self.leapDayGold
    history.add("2021-03-10", .membershipRenewed(MembershipRenewed(org: "contoso", level: .gold)))
    let membership = history.status("contoso", on: "2021-03-10").membership
    #expect(membership?.anniversary == Samples.date("2022-02-28"))
    #expect(membership?.since == Samples.date("2020-02-29") && membership?.inGrace == false)
  }

  @Test func anEarlyRenewalStartsTheNextTermAtTheAnniversary() {
    var history = Self.leapDayGold
    history.add("2021-01-15", .membershipRenewed(MembershipRenewed(org: "contoso", level: .gold)))
    #expect(history.status("contoso", on: "2021-02-27").membership?.anniversary == Samples.date("2021-02-28"))
    #expect(history.status("contoso", on: "2021-02-28").membership?.anniversary == Samples.date("2022-02-28"))
  }

  @Test func aGoldMemberDisplaysGoldAndASilverMemberOnlySilver() {
    #expect(Self.leapDayGold.status("contoso", on: "2020-06-01").competency("cloud-platform")?.displayed == .gold)
    var silver = Self.leapDayGold
    silver.purchase("contoso", .silver, on: "2020-03-05")
    let status = silver.status("contoso", on: "2020-06-01").competency("cloud-platform")
    #expect(status?.attained == .gold && status?.displayed == .silver)
  }

  @Test func withoutAMembershipNothingIsDisplayed() {
    let status = Self.leapDayGold.status("contoso", on: "2020-02-28").competency("cloud-platform")
    #expect(status?.attained == .gold && status?.displayed == nil)
  }

  @Test func aDroppedCompetencyStaysDisplayedAtRiskUntilRenewedOrLapsed() {
    var history = Self.leapDayGold
    history.add(
      "2020-07-01", .individualDeparted(IndividualDeparted(individual: "bob", org: "contoso")), id: "bob-left")
    let during = history.status("contoso", on: "2020-07-01")
    #expect(during.competency("cloud-platform")?.attained == .silver)
    #expect(during.competency("cloud-platform")?.displayed == .gold)
    #expect(during.alerts.map(\.competency) == ["cloud-platform"])
    #expect(during.alerts.first?.cause == .event("bob-left"))
    // The 29 February purchase has its anniversary on 28 February; the alert stays open on
    // that day and through the window's last day, and the status says the renewal is due
    // and not possible yet.
    let anniversary = history.status("contoso", on: "2021-02-28")
    #expect(anniversary.alerts.map(\.competency) == ["cloud-platform"])
    #expect(anniversary.competency("cloud-platform")?.atRisk == true)
    #expect(anniversary.competency("cloud-platform")?.displayed == .gold, "benefits continue in the window")
    #expect(anniversary.membership?.renewalDue == true && anniversary.membership?.renewalPossible == false)
    let lastDay = try! #require(anniversary.membership?.lapsesOn.adding(days: -1))
    #expect(history.status("contoso", on: lastDay.description).alerts.map(\.competency) == ["cloud-platform"])
    let lapsed = history.status("contoso", on: "2021-03-31")
    #expect(lapsed.competency("cloud-platform")?.displayed == nil && lapsed.alerts.isEmpty)
    #expect(
      lapsed.alertTransitions.map { "\($0.state.rawValue) \($0.effective) \($0.reason?.rawValue ?? "-")" } == [
        "raised 2020-07-01 -", "cleared 2021-03-31 lapsed",
      ])
  }

  @Test func theAlertClearsWhenTheRequirementIsMetAgain() {
    var history = Self.leapDayGold
    history.add("2020-07-01", .individualDeparted(IndividualDeparted(individual: "bob", org: "contoso")))
    history.hire("carol", at: "contoso", holding: ["70-473"], on: "2020-08-03")
    let status = history.status("contoso", on: "2020-09-01")
    #expect(status.alerts.isEmpty)
    #expect(status.alertTransitions.map(\.state) == [.raised, .cleared])
    #expect(status.alertTransitions.last?.effective == Samples.date("2020-08-03"))
  }

  @Test func aGoldRenewalWithoutGoldAttainedRenewsAtSilver() {
    var history = Self.leapDayGold
    history.add("2021-01-20", .membershipRenewed(MembershipRenewed(org: "contoso", level: .gold)))
    history.add("2021-02-01", .individualDeparted(IndividualDeparted(individual: "bob", org: "contoso")))
    let renewed = history.status("contoso", on: "2021-02-28").membership
    #expect(renewed?.level == .silver && renewed?.anniversary == Samples.date("2022-02-28"))
    #expect(Self.leapDayGold.status("contoso", on: "2021-02-28").membership?.level == .gold)
  }

  @Test func datesAtTheEndsOfTheCalendarAnswerWithoutTrapping() {
    var history = HistoryBuilder()
    history.enrol("z", on: "9999-06-01")
    history.purchase("z", .gold, on: "9999-06-01")
    history.add("9999-11-30", .overridePlaced(OverridePlaced(org: "z", competency: "cloud-platform", level: .gold)))
    history.consume("z", 20_000, month: "9999-10")
    // Anniversaries and expiries past the calendar saturate at its last day, which closes them.
    let last = history.status("z", on: "9999-12-30")
    #expect(last.membership?.anniversary == .latest)
    #expect(last.competency("cloud-platform")?.override?.expires == .latest)
    #expect(history.status("z", on: "9999-12-31").membership == nil)
    #expect(history.status("z", on: "0001-01-01").membership == nil)
  }
}
