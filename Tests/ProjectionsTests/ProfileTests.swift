import LedgerCore
import LedgerTestSupport
import Projections
import Testing

/// The business profile: what customers see, each with the day it has been shown since.
struct ProfileTests {
  static func profile(_ history: HistoryBuilder, on date: String) -> BusinessProfile {
    OrganizationTimeline(
      catalogs: bundledCatalogs, facts: OrganizationFacts(org: "contoso", events: history.visibleEvents)
    )
    .profile(asOf: Samples.date(date))
  }

  @Test func theProfileShowsTheMembershipAndEachDisplayedCompetencySinceItsDay() {
    var history = CompetencyRuleTests.twoDevelopers
    history.purchase("contoso", .gold, on: "2021-02-01")
    history.add(
      "2021-03-15", .overridePlaced(OverridePlaced(org: "contoso", competency: "application-development", level: .gold))
    )
    let before = Self.profile(history, on: "2021-03-14")
    #expect(before.membership?.value == .gold && before.membership?.since == Samples.date("2021-02-01"))
    #expect(
      before.competencies.map { "\($0.id) \($0.value.rawValue) \($0.since)" } == [
        "application-development silver 2021-02-01"
      ])
    let after = Self.profile(history, on: "2021-04-01")
    #expect(
      after.competencies.map { "\($0.id) \($0.value.rawValue) \($0.since)" } == [
        "application-development gold 2021-03-15"
      ])
    #expect(after.specializations.isEmpty)
  }

  @Test func withoutAMembershipTheProfileShowsNothing() {
    let profile = Self.profile(CompetencyRuleTests.twoDevelopers, on: "2021-06-01")
    #expect(profile.membership == nil && profile.competencies.isEmpty && profile.specializations.isEmpty)
  }
}
