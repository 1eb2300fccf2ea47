import LedgerCore
import LedgerTestSupport
import Projections
import Testing

struct OverrideTests {
  static func overridden(expires: String? = nil) -> HistoryBuilder {
    var history = HistoryBuilder()
    history.enrol("contoso")
    history.add(
      "2021-01-31",
      .overridePlaced(
        OverridePlaced(org: "contoso", competency: "cloud-platform", level: .gold, expires: expires.map(Samples.date))),
      id: "override", reason: "exam not synced")
    return history
  }

  @Test(
    arguments: [
      ("2021-01-30", nil), ("2021-01-31", Level.gold), ("2021-04-29", .gold), ("2021-04-30", nil),
    ] as [(String, Level?)])
  func anOverrideLastsThreeMonthsClampedToTheMonthEnd(date: String, expected: Level?) {
    #expect(Self.overridden().attained("cloud-platform", "contoso", on: date) == expected)
  }

  @Test func anExplicitExpiryWins() {
    let history = Self.overridden(expires: "2021-02-15")
    #expect(history.attained("cloud-platform", "contoso", on: "2021-02-14") == .gold)
    #expect(history.attained("cloud-platform", "contoso", on: "2021-02-15") == nil)
  }

  @Test func aRevocationEndsItEarly() {
    var history = Self.overridden()
    history.add("2021-03-01", .overrideRevoked(OverrideRevoked(org: "contoso", competency: "cloud-platform")))
    #expect(history.attained("cloud-platform", "contoso", on: "2021-02-28") == .gold)
    #expect(history.attained("cloud-platform", "contoso", on: "2021-03-01") == nil)
  }

  @Test func afterTheOverrideTheLevelIsRecomputedFromTheFacts() {
    var history = Self.overridden()
    history.hire("alice", at: "contoso", holding: ["70-533"], on: "2021-02-01")
    history.consume("contoso", 20_000, month: "2021-02")
    let status = history.status("contoso", on: "2021-04-30")
    #expect(status.competency("cloud-platform")?.attained == .silver)
    #expect(status.competency("cloud-platform")?.override == nil)
    let during = history.status("contoso", on: "2021-04-01").competency("cloud-platform")
    #expect(during?.attained == .gold && during?.earned == .silver && during?.override?.event == "override")
  }

  @Test func theOverridesEndRaisesTheAlertWithATimeDrivenCause() {
    var history = Self.overridden()
    history.purchase("contoso", .gold, on: "2021-02-01")
    let status = history.status("contoso", on: "2021-04-30")
    #expect(status.competency("cloud-platform")?.displayed == .gold)
    #expect(status.alerts.map(\.cause) == [.timeDriven("override of cloud-platform ended")])
    #expect(status.alerts.first?.since == Samples.date("2021-04-30"))
  }
}
