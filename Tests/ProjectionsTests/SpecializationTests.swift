import Foundation
import LedgerCore
import LedgerTestSupport
import Projections
import Testing

struct SpecializationTests {
  static let migration = "networking-services-in-microsoft-azure"
  static let sap = "sap-on-microsoft-azure"

  /// Gold Cloud Platform, a Gold membership, three Azure-certified individuals.
  static var goldCloudPlatform: HistoryBuilder {
    var history = HistoryBuilder()
    history.enrol("contoso")
    history.hire("alice", at: "contoso", holding: ["70-533", "AZ-104"], on: "2022-01-04")
    history.hire("bob", at: "contoso", holding: ["70-532", "AZ-303"], on: "2022-01-04")
    history.hire("carol", at: "contoso", holding: ["AZ-204"], on: "2022-01-04")
    for month in 1...12 { history.consume("contoso", 10_000, month: String(format: "2021-%02d", month)) }
    for month in 1...12 { history.consume("contoso", 10_000, month: String(format: "2022-%02d", month)) }
    history.purchase("contoso", .gold, on: "2022-01-15")
    return history
  }

  @Test func anAuditSpecializationNeedsAPassedAudit() {
    var history = Self.goldCloudPlatform
    #expect(history.status("contoso", on: "2022-02-01").specialization(Self.migration).stage == .prerequisitesMet)
    history.add("2022-02-10", .auditScheduled(AuditScheduled(org: "contoso", specialization: Self.migration)))
    #expect(history.status("contoso", on: "2022-02-10").specialization(Self.migration).stage == .auditScheduled)
    history.add(
      "2022-03-01", .auditCompleted(AuditCompleted(org: "contoso", specialization: Self.migration, result: .noPass)))
    #expect(history.status("contoso", on: "2022-03-01").specialization(Self.migration).stage == .prerequisitesMet)
    history.add(
      "2022-04-01", .auditCompleted(AuditCompleted(org: "contoso", specialization: Self.migration, result: .pass)))
    let active = history.status("contoso", on: "2022-04-01").specialization(Self.migration)
    #expect(active.status == "active" && active.activeSince == Samples.date("2022-04-01"))
    #expect(active.auditValidUntil == Samples.date("2024-04-01"))
    #expect(active.anniversary == Samples.date("2023-04-01"))
  }

  /// Active on the audit pass, 2022-04-01, with a validity year to 2023-04-01.
  static var activeMigration: HistoryBuilder {
    var history = goldCloudPlatform
    history.add(
      "2022-04-01", .auditCompleted(AuditCompleted(org: "contoso", specialization: migration, result: .pass)),
      id: "pass")
    return history
  }

  /// The aligned Gold's attainment drops on 2022-06-01: the tag holds within its validity
  /// year, and the status says why and until when. The renewal of 2023-01-20 can only be a
  /// Silver one (the Gold no longer passes), which ends the run: no Gold membership.
  @Test func itStaysActiveThroughItsValidityYearWhenTheAlignedGoldDrops() {
    var history = Self.activeMigration
    history.add("2022-06-01", .individualDeparted(IndividualDeparted(individual: "bob", org: "contoso")))
    history.add("2022-06-01", .individualDeparted(IndividualDeparted(individual: "carol", org: "contoso")))
    history.add("2023-01-20", .membershipRenewed(MembershipRenewed(org: "contoso", level: .gold)))
    for date in ["2022-06-01", "2022-12-31", "2023-01-19"] {
      let held = history.status("contoso", on: date).specialization(Self.migration)
      #expect(held.status == "active" && held.heldByValidityYear, "\(date)")
      #expect(held.activeSince == Samples.date("2022-04-01") && held.anniversary == Samples.date("2023-04-01"))
      #expect(held.missing.first == "an active Gold competency in cloud-platform")
    }
    let downgraded = history.status("contoso", on: "2023-01-20")
    #expect(downgraded.membership?.level == .silver)
    #expect(downgraded.specialization(Self.migration).status == "not-started")
  }

  @Test func atItsAnniversaryItRenewsWhenTheRequirementsAreMetThen() {
    var history = Self.activeMigration
    for month in 1...12 { history.consume("contoso", 10_000, month: String(format: "2023-%02d", month)) }
    history.add("2023-01-20", .membershipRenewed(MembershipRenewed(org: "contoso", level: .gold)))
    let renewed = history.status("contoso", on: "2023-04-01").specialization(Self.migration)
    #expect(renewed.status == "active" && !renewed.heldByValidityYear)
    #expect(renewed.activeSince == Samples.date("2022-04-01") && renewed.anniversary == Samples.date("2024-04-01"))
    let days = OrganizationTimeline(
      catalogs: bundledCatalogs, facts: OrganizationFacts(org: "contoso", events: history.visibleEvents)
    ).history(through: Samples.date("2023-04-01"))
    #expect(
      days.contains { entry in
        if case .timeDriven(let reasons) = entry.source, entry.date == Samples.date("2023-04-01") {
          return reasons.contains("anniversary of \(Self.migration): its validity year is re-checked")
        }
        return false
      }, "history shows the anniversary check")
  }

  @Test func losingTheAlignedGoldMembershipEndsItAtOnce() {
    let history = Self.activeMigration
    // The Gold membership bought 2022-01-15 is not renewed: it lapses on 2023-02-15.
    #expect(history.status("contoso", on: "2023-02-14").specialization(Self.migration).status == "active")
    #expect(history.status("contoso", on: "2023-02-15").specialization(Self.migration).status == "not-started")
  }

  @Test func aCorrectionThatVoidsTheQualifyingAuditMeansItWasNeverActiveAsKnownAfter() {
    var history = Self.activeMigration
    history.add(
      "2022-04-01", .auditCompleted(AuditCompleted(org: "contoso", specialization: Self.migration, result: .noPass)),
      id: "no-pass", corrects: "pass", reason: "the auditor's report was misread")
    let status = history.status("contoso", on: "2022-06-30").specialization(Self.migration)
    #expect(status.status == "not-started" && status.activeSince == nil)
  }

  /// A run that starts on 29 February has its anniversary on 28 February.
  @Test func aRunStartingOnTheTwentyNinthOfFebruaryIsRecheckedOnTheTwentyEighth() {
    var history = Self.goldCloudPlatform
    history.add(
      "2028-02-29", .auditCompleted(AuditCompleted(org: "contoso", specialization: Self.migration, result: .pass)))
    for year in 2026...2028 {
      for month in 1...12 { history.consume("contoso", 10_000, month: String(format: "%d-%02d", year, month)) }
    }
    for year in 2023...2028 {
      history.add("\(year)-01-20", .membershipRenewed(MembershipRenewed(org: "contoso", level: .gold)))
    }
    let active = history.status("contoso", on: "2028-02-29").specialization(Self.migration)
    #expect(active.activeSince == Samples.date("2028-02-29") && active.anniversary == Samples.date("2029-02-28"))
  }

  @Test func aReferenceSpecializationNeedsEnoughApprovedReferences() {
    var history = Self.goldCloudPlatform
    for reference in ["r1", "r2", "r3"] {
      history.add(
        "2022-02-01",
        .customerReferenceSubmitted(
          CustomerReferenceSubmitted(org: "contoso", specialization: Self.sap, reference: reference, customer: "c")))
    }
    #expect(history.status("contoso", on: "2022-02-01").specialization(Self.sap).stage == .referencesSubmitted)
    for reference in ["r1", "r2"] {
      history.add(
        "2022-02-10",
        .customerReferenceApproved(
          CustomerReferenceApproved(org: "contoso", specialization: Self.sap, reference: reference)))
    }
    history.add(
      "2022-02-10",
      .customerReferenceRejected(CustomerReferenceRejected(org: "contoso", specialization: Self.sap, reference: "r3")))
    let partial = history.status("contoso", on: "2022-02-10").specialization(Self.sap)
    #expect(partial.approvedReferences == 2 && partial.status == "not-started")
    history.add(
      "2022-03-01",
      .customerReferenceApproved(CustomerReferenceApproved(org: "contoso", specialization: Self.sap, reference: "r3")))
    #expect(history.status("contoso", on: "2022-03-01").specialization(Self.sap).status == "active")
  }

  @Test(arguments: [("2024-03-31", "active"), ("2024-04-01", "not-started")])
  func anAuditPassLastsTwoYears(date: String, expected: String) {
    var history = Self.goldCloudPlatform
    history.add(
      "2022-04-01", .auditCompleted(AuditCompleted(org: "contoso", specialization: Self.migration, result: .pass)))
    for year in 2023...2024 {
      for month in 1...12 { history.consume("contoso", 10_000, month: String(format: "%d-%02d", year, month)) }
    }
    history.add("2023-01-20", .membershipRenewed(MembershipRenewed(org: "contoso", level: .gold)))
    history.add("2024-01-20", .membershipRenewed(MembershipRenewed(org: "contoso", level: .gold)))
    #expect(history.status("contoso", on: date).specialization(Self.migration).status == expected)
  }
}
