import LedgerCore
import LedgerTestSupport
import Projections
import Testing

/// `history`: every event and time-driven change, with what it changed; restatements.
struct HistoryTests {
  /// Contoso: two developers give Silver Application Development, a Silver membership, a
  /// Gold override of Cloud Platform that ends, and Bob's departure, later corrected to an
  /// earlier day.
  static func scenario(corrected: Bool) -> HistoryBuilder {
    var history = HistoryBuilder()
    history.enrol("contoso")
    history.hire("alice", at: "contoso", holding: ["70-533"], on: "2020-02-03")
    history.hire("bob", at: "contoso", holding: ["70-532"], on: "2020-02-03")
    history.purchase("contoso", .silver, on: "2020-03-02")
    history.add(
      "2020-04-01",
      .overridePlaced(OverridePlaced(org: "contoso", competency: "cloud-platform", level: .gold)), id: "override")
    history.add("2020-06-15", .individualDeparted(IndividualDeparted(individual: "bob", org: "contoso")), id: "left")
    if corrected {
      history.add(
        "2020-05-01", .individualDeparted(IndividualDeparted(individual: "bob", org: "contoso")), id: "left-earlier",
        corrects: "left", reason: "bob left on 1 May")
    }
    return history
  }

  static func changes(_ history: HistoryBuilder, through date: String) -> [String] {
    OrganizationTimeline(
      catalogs: bundledCatalogs, facts: OrganizationFacts(org: "contoso", events: history.visibleEvents)
    )
    .history(through: Samples.date(date))
    .filter { !$0.changes.isEmpty }
    .map { entry in
      let source: String
      switch entry.source {
      case .event(let event): source = event.id
      case .timeDriven(let reasons): source = reasons.joined(separator: "; ")
      }
      return "\(entry.date) \(source): " + entry.changes.map(\.description).joined(separator: ", ")
    }
  }

  @Test func theHistoryListsEveryChangeWithItsCauseInEffectiveOrder() {
    #expect(
      Self.changes(Self.scenario(corrected: false), through: "2021-04-30") == [
        "2020-02-03 e5: application-development attained: none → silver",
        "2020-03-02 e6: membership: none → silver until 2021-03-02, application-development displayed: none → silver",
        "2020-04-01 override: cloud-platform attained: none → gold, cloud-platform displayed: none → silver",
        "2020-06-15 left: application-development alert: none → renewal-at-risk, application-development attained: silver → none",
        "2020-07-01 override of cloud-platform ended: cloud-platform alert: none → renewal-at-risk, cloud-platform attained: gold → none",
        "2021-03-02 membership term ended: membership: silver until 2021-03-02 → silver, term ended 2021-03-02",
        "2021-03-03 renewal window opened: membership: silver, term ended 2021-03-02 → silver, renewal window open until 2021-04-01",
        "2021-04-02 renewal window closed: membership lapsed: membership: silver, renewal window open until 2021-04-01 → none, application-development alert: renewal-at-risk → none, application-development displayed: silver → none, cloud-platform alert: renewal-at-risk → none, cloud-platform displayed: silver → none",
      ])
  }

  @Test func credentialsThatExpireOrStopBeingAcceptedAreNamedOnTheirDay() {
    var history = HistoryBuilder()
    history.enrol("contoso", on: "2018-06-01")
    history.hire("alice", at: "contoso", holding: ["70-534"], on: "2018-06-01")  // accepted through 2018-12-31
    history.hire("bob", at: "contoso", holding: ["70-533"], on: "2018-06-01", expires: "2019-01-01")
    history.hire("carol", at: "contoso", holding: ["70-532"], on: "2018-06-01", expires: "2019-03-01")
    let causes = OrganizationTimeline(
      catalogs: bundledCatalogs, facts: OrganizationFacts(org: "contoso", events: history.visibleEvents)
    )
    .history(through: Samples.date("2019-06-30"))
    .compactMap { entry -> String? in
      guard case .timeDriven(let reasons) = entry.source else { return nil }
      return "\(entry.date) " + reasons.joined(separator: "; ")
    }
    #expect(
      causes == [
        "2019-01-01 credential 70-534 of alice is no longer accepted; credential 70-533 of bob expired",
        "2019-03-01 credential 70-532 of carol expired",
      ])
  }

  @Test func aBackdatedCorrectionMovesTheDepartureAndItsAlert() {
    let changes = Self.changes(Self.scenario(corrected: true), through: "2020-12-31")
    #expect(
      changes.contains(
        "2020-05-01 left-earlier: application-development alert: none → renewal-at-risk, application-development attained: silver → none"
      ))
    #expect(!changes.contains { $0.hasPrefix("2020-06-15") }, "the voided departure changes nothing")
  }

  @Test func everyEventThatTouchedTheOrganizationIsListedWithWhoAndWhen() {
    let history = Self.scenario(corrected: true)
    let entries = OrganizationTimeline(
      catalogs: bundledCatalogs, facts: OrganizationFacts(org: "contoso", events: history.visibleEvents)
    ).history(through: Samples.date("2020-12-31"))
    let events = entries.compactMap { entry -> String? in
      if case .event(let event) = entry.source { return event.id }
      return nil
    }
    #expect(
      events == ["e1", "e2", "e4", "e3", "e5", "e6", "override", "left-earlier"],
      "credentials before associations on one day")
    let reminders = entries.filter { $0.source == .timeDriven(["renewal reminder due"]) }
    #expect(reminders.isEmpty, "no reminder falls in 2020")
  }

  @Test func restatementsShowTheOldAndNewAnswerStretchByStretch() {
    let before = Self.scenario(corrected: false)
    let after = Self.scenario(corrected: true)
    func timeline(_ history: HistoryBuilder) -> OrganizationTimeline {
      OrganizationTimeline(
        catalogs: bundledCatalogs, facts: OrganizationFacts(org: "contoso", events: history.visibleEvents))
    }
    let restatements = timeline(after).restatements(comparedWith: timeline(before), through: Samples.date("2020-12-31"))
    #expect(restatements.count == 1)
    #expect(restatements.first?.from == Samples.date("2020-05-01"))
    #expect(restatements.first?.until == Samples.date("2020-06-14"))
    #expect(
      restatements.first?.changes.map(\.description) == [
        "application-development alert: none → renewal-at-risk", "application-development attained: silver → none",
      ])
  }
}
