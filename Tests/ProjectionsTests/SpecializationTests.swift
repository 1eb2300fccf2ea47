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
    history.hire("alice", at: "contoso", holding: ["70-533", "AZ-104"], on: "2021-01-04")
    history.hire("bob", at: "contoso", holding: ["70-532", "AZ-303"], on: "2021-01-04")
    history.hire("carol", at: "contoso", holding: ["AZ-204"], on: "2021-01-04")
    for month in 1...12 { history.consume("contoso", 10_000, month: String(format: "2020-%02d", month)) }
    for month in 1...12 { history.consume("contoso", 10_000, month: String(format: "2021-%02d", month)) }
    history.purchase("contoso", .gold, on: "2021-01-15")
    return history
  }

  @Test func anAuditSpecializationNeedsAPassedAudit() {
    var history = Self.goldCloudPlatform
    #expect(history.status("contoso", on: "2021-02-01").specialization(Self.migration).stage == .prerequisitesMet)
    history.add("2021-02-10", .auditScheduled(AuditScheduled(org: "contoso", specialization: Self.migration)))
    #expect(history.status("contoso", on: "2021-02-10").specialization(Self.migration).stage == .auditScheduled)
    history.add(
      "2021-03-01", .auditCompleted(AuditCompleted(org: "contoso", specialization: Self.migration, result: .noPass)))
    #expect(history.status("contoso", on: "2021-03-01").specialization(Self.migration).stage == .prerequisitesMet)
    history.add(
      "2021-04-01", .auditCompleted(AuditCompleted(org: "contoso", specialization: Self.migration, result: .pass)))
    let active = history.status("contoso", on: "2021-04-01").specialization(Self.migration)
    #expect(active.status == "active" && active.activeSince == Samples.date("2021-04-01"))
    #expect(active.auditValidUntil == Samples.date("2023-04-01"))
    #expect(active.anniversary == Samples.date("2022-04-01"))
  }

  @Test func itFallsBackWhenTheAlignedGoldLapses() {
    var history = Self.goldCloudPlatform
    history.add(
      "2021-04-01", .auditCompleted(AuditCompleted(org: "contoso", specialization: Self.migration, result: .pass)))
    history.add("2021-06-01", .individualDeparted(IndividualDeparted(individual: "bob", org: "contoso")))
    history.add("2021-06-01", .individualDeparted(IndividualDeparted(individual: "carol", org: "contoso")))
    let status = history.status("contoso", on: "2021-06-01").specialization(Self.migration)
    #expect(status.status == "not-started" && status.stage == .notStarted)
    #expect(status.missing.first == "an active Gold competency in cloud-platform")
  }

  @Test func aReferenceSpecializationNeedsEnoughApprovedReferences() {
    var history = Self.goldCloudPlatform
    for reference in ["r1", "r2", "r3"] {
      history.add(
        "2021-02-01",
        .customerReferenceSubmitted(
          CustomerReferenceSubmitted(org: "contoso", specialization: Self.sap, reference: reference, customer: "c")))
    }
    #expect(history.status("contoso", on: "2021-02-01").specialization(Self.sap).stage == .referencesSubmitted)
    for reference in ["r1", "r2"] {
      history.add(
        "2021-02-10",
        .customerReferenceApproved(
          CustomerReferenceApproved(org: "contoso", specialization: Self.sap, reference: reference)))
    }
    history.add(
      "2021-02-10",
      .customerReferenceRejected(CustomerReferenceRejected(org: "contoso", specialization: Self.sap, reference: "r3")))
    let partial = history.status("contoso", on: "2021-02-10").specialization(Self.sap)
    #expect(partial.approvedReferences == 2 && partial.status == "not-started")
    history.add(
      "2021-03-01",
      .customerReferenceApproved(CustomerReferenceApproved(org: "contoso", specialization: Self.sap, reference: "r3")))
    #expect(history.status("contoso", on: "2021-03-01").specialization(Self.sap).status == "active")
  }

  @Test(arguments: [("2023-03-31", "active"), ("2023-04-01", "not-started")])
  func anAuditPassLastsTwoYears(date: String, expected: String) {
    var history = Self.goldCloudPlatform
    history.add(
      "2021-04-01", .auditCompleted(AuditCompleted(org: "contoso", specialization: Self.migration, result: .pass)))
    for year in 2022...2023 {
      for month in 1...12 { history.consume("contoso", 10_000, month: String(format: "%d-%02d", year, month)) }
    }
    history.add("2022-01-20", .membershipRenewed(MembershipRenewed(org: "contoso", level: .gold)))
    history.add("2023-01-20", .membershipRenewed(MembershipRenewed(org: "contoso", level: .gold)))
    #expect(history.status("contoso", on: date).specialization(Self.migration).status == expected)
  }
}
