import Foundation
import LedgerCore
import LedgerTestSupport
import Projections
import Testing

/// Scenarios of the attainment rules, with their edge dates.
struct CompetencyRuleTests {
  /// Two developers with Application Development exams at contoso from 2021-01-04.
  static var twoDevelopers: HistoryBuilder {
    var history = HistoryBuilder()
    history.enrol("contoso")
    history.hire("alice", at: "contoso", holding: ["70-483"], on: "2021-01-04")
    history.hire("bob", at: "contoso", holding: ["70-486"], on: "2021-01-04")
    return history
  }

  @Test(arguments: [("2021-01-03", nil), ("2021-01-04", Level.silver), ("2030-01-01", .silver)] as [(String, Level?)])
  func twoIndividualsWithAListedExamAttainSilver(date: String, expected: Level?) {
    #expect(Self.twoDevelopers.attained("application-development", "contoso", on: date) == expected)
  }

  @Test func oneIndividualIsNotEnough() {
    var history = HistoryBuilder()
    history.enrol("contoso")
    history.hire("alice", at: "contoso", holding: ["70-483", "70-486"], on: "2021-01-04")
    #expect(history.attained("application-development", "contoso", on: "2021-02-01") == nil)
  }

  @Test(arguments: [("2021-03-30", Level.silver), ("2021-03-31", nil)] as [(String, Level?)])
  func aCredentialCountsUntilTheDayItExpires(date: String, expected: Level?) {
    var history = HistoryBuilder()
    history.enrol("contoso")
    history.hire("alice", at: "contoso", holding: ["70-483"], on: "2021-01-04")
    history.hire("bob", at: "contoso", holding: ["70-486"], on: "2021-01-04", expires: "2021-03-31")
    #expect(history.attained("application-development", "contoso", on: date) == expected)
  }

  /// "Accepted until December 31, 2018": the day itself still counts, the next does not.
  @Test(arguments: [("2018-12-30", Level.silver), ("2018-12-31", .silver), ("2019-01-01", nil)] as [(String, Level?)])
  func aRetiredExamCountsThroughTheLastDayOfItsAcceptance(date: String, expected: Level?) {
    var history = HistoryBuilder()
    history.enrol("contoso")
    history.hire("alice", at: "contoso", holding: ["70-534"], on: "2017-06-01")
    history.consume("contoso", 20_000, month: "2018-06")
    #expect(history.attained("cloud-platform", "contoso", on: date) == expected)
  }

  /// Joining and leaving one organization on one day, recorded in that order: they left.
  @Test func anIndividualWhoJoinsAndLeavesTheSameDayNoLongerCounts() {
    var history = HistoryBuilder()
    history.enrol("contoso")
    history.hire("alice", at: "contoso", holding: ["70-483"], on: "2021-01-04")
    history.hire("bob", at: "contoso", holding: ["70-486"], on: "2021-03-01")
    history.add("2021-03-01", .individualDeparted(IndividualDeparted(individual: "bob", org: "contoso")))
    #expect(history.attained("application-development", "contoso", on: "2021-03-01") == nil)
    // Leaving first and joining again that day, in that recorded order, they stay.
    var rejoined = HistoryBuilder()
    rejoined.enrol("contoso")
    rejoined.hire("alice", at: "contoso", holding: ["70-483"], on: "2021-01-04")
    rejoined.hire("bob", at: "contoso", holding: ["70-486"], on: "2021-01-04")
    rejoined.add("2021-03-01", .individualDeparted(IndividualDeparted(individual: "bob", org: "contoso")))
    rejoined.add("2021-03-01", .individualAssociated(IndividualAssociated(individual: "bob", org: "contoso")))
    #expect(rejoined.attained("application-development", "contoso", on: "2021-03-01") == .silver)
  }

  /// Leaving one organization and joining another the same day: the departure comes first,
  /// whatever the recorded order, so the alert's cause is the departure.
  @Test func leavingOneOrganizationAndJoiningAnotherTheSameDayIsADepartureFirst() {
    var history = Self.twoDevelopers
    history.purchase("contoso", .silver, on: "2021-02-01")
    history.add(
      "2021-05-10", .individualAssociated(IndividualAssociated(individual: "bob", org: "fabrikam")), id: "joined")
    history.add("2021-05-10", .individualDeparted(IndividualDeparted(individual: "bob", org: "contoso")), id: "left")
    let status = history.status("contoso", on: "2021-05-10")
    #expect(status.competency("application-development")?.attained == nil)
    #expect(status.alerts.first?.cause == .event("left"))
  }

  /// The incremental fold (event by event, as a projector applies them) orders same-day
  /// facts exactly as the full sort, corrections included.
  @Test func theIncrementalOrderIsTheFullOrder() {
    var history = Self.twoDevelopers
    history.add("2021-05-10", .individualAssociated(IndividualAssociated(individual: "carol", org: "contoso")), id: "j")
    history.add("2021-05-10", .individualDeparted(IndividualDeparted(individual: "carol", org: "contoso")), id: "d")
    history.add("2021-05-10", .individualDeparted(IndividualDeparted(individual: "bob", org: "contoso")), id: "d2")
    history.add("2021-05-10", .individualAssociated(IndividualAssociated(individual: "bob", org: "fabrikam")), id: "j2")
    history.add(
      "2021-05-10", .individualAssociated(IndividualAssociated(individual: "carol", org: "contoso")), id: "j3",
      corrects: "j", reason: "recorded twice")
    var incremental = OrganizationFacts(org: "contoso")
    for event in history.events { incremental.apply(event) }
    #expect(
      incremental.events.map(\.id) == OrganizationFacts(org: "contoso", events: history.visibleEvents).events.map(\.id))
  }

  @Test func associatingElsewhereSeversTheEarlierLink() {
    var history = Self.twoDevelopers
    history.add("2021-05-10", .individualAssociated(IndividualAssociated(individual: "bob", org: "fabrikam")))
    #expect(history.attained("application-development", "contoso", on: "2021-05-09") == .silver)
    #expect(history.attained("application-development", "contoso", on: "2021-05-10") == nil)
  }

  @Test func aDepartureAndAnAssociationOnTheSameDayApplyTheDepartureFirst() {
    var history = Self.twoDevelopers
    history.purchase("contoso", .silver, on: "2021-02-01")
    // Recorded association first, departure second: the day's order still puts the departure first.
    history.add(
      "2021-05-10", .individualAssociated(IndividualAssociated(individual: "bob", org: "fabrikam")), id: "join")
    history.add("2021-05-10", .individualDeparted(IndividualDeparted(individual: "bob", org: "contoso")), id: "leave")
    let status = history.status("contoso", on: "2021-05-10")
    #expect(status.alerts.map(\.cause) == [.event("leave")])
    #expect(history.status("fabrikam", on: "2021-05-10").competencies.isEmpty)
  }

  @Test func kOfTheSameNNeedsTheSubsetAmongTheCountedIndividuals() {
    var history = HistoryBuilder()
    history.enrol("contoso")
    history.hire("alice", at: "contoso", holding: ["70-496", "70-498"], on: "2021-01-04")
    history.hire("bob", at: "contoso", holding: ["70-496", "70-498"], on: "2021-01-04")
    history.hire("carol", at: "contoso", holding: ["PSM I"], on: "2021-01-04")
    #expect(history.attained("devops", "contoso", on: "2021-02-01") == nil, "carol is not one of the same 2")
    history.add("2021-03-01", .credentialEarned(CredentialEarned(individual: "bob", credential: "CSM")))
    #expect(history.attained("devops", "contoso", on: "2021-03-01") == .silver)
  }

  @Test(
    arguments: [
      ("2021-01-31", "2021-01", 14_999, nil), ("2021-02-01", "2021-01", 15_000, .silver),
      ("2022-01-31", "2021-01", 15_000, .silver), ("2022-02-01", "2021-01", 15_000, nil),
    ] as [(String, String, Int, Level?)])
  func aMetricCountsTheTrailingTwelveFullMonths(date: String, month: String, amount: Int, expected: Level?) {
    var history = HistoryBuilder()
    history.enrol("contoso")
    history.hire("alice", at: "contoso", holding: ["70-533"], on: "2020-06-01")
    history.consume("contoso", amount, month: month)
    #expect(history.attained("cloud-platform", "contoso", on: date) == expected)
  }

  @Test func developingMarketsHaveLowerThresholds() {
    var history = HistoryBuilder()
    history.enrol("fabrikam", market: .developing)
    history.hire("dave", at: "fabrikam", holding: ["MCSA: Office 365"], on: "2021-01-04")
    history.add(
      "2021-02-05",
      .performanceReported(
        PerformanceReported(
          org: "fabrikam", metric: "active-entitlements", month: try! YearMonth(parsing: "2021-01"), value: 1_000)))
    #expect(history.attained("cloud-productivity", "fabrikam", on: "2021-02-10") == .silver)
  }

  @Test func aLaterMonthlyReportRestatesTheEarlierOne() {
    var history = HistoryBuilder()
    history.enrol("contoso")
    history.hire("alice", at: "contoso", holding: ["70-533"], on: "2020-06-01")
    history.consume("contoso", 20_000, month: "2021-01")
    history.consume("contoso", 2_000, month: "2021-01")
    #expect(history.attained("cloud-platform", "contoso", on: "2021-03-01") == nil)
  }
}
