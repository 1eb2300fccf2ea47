import Foundation
public import LedgerCore

/// Builders of sample events for tests.
public enum Samples {
  /// A civil date from its text; traps on a bad literal.
  public static func date(_ text: String) -> CivilDate {
    try! CivilDate(parsing: text)
  }

  /// One event of every type of the vocabulary, every optional field filled.
  public static func oneOfEachType() -> [ProposedEvent] {
    let month = YearMonth(year: 2021, month: 2)!
    let events: [LedgerEvent] = [
      .organizationEnrolled(OrganizationEnrolled(org: "contoso", name: "Contoso Ltd", market: .developing)),
      .credentialEarned(CredentialEarned(individual: "alice", credential: "70-533", expires: date("2023-02-28"))),
      .individualAssociated(IndividualAssociated(individual: "alice", org: "contoso")),
      .individualDeparted(IndividualDeparted(individual: "alice", org: "contoso")),
      .membershipPurchased(MembershipPurchased(org: "contoso", level: .gold)),
      .membershipRenewed(MembershipRenewed(org: "contoso", level: .silver)),
      .overridePlaced(
        OverridePlaced(org: "contoso", competency: "cloud-platform", level: .gold, expires: date("2021-04-30"))),
      .overrideRevoked(OverrideRevoked(org: "contoso", competency: "cloud-platform")),
      .performanceReported(
        PerformanceReported(
          org: "contoso", metric: "active-entitlements", month: month, value: Decimal(string: "2000.5")!)),
      .consumptionReported(
        ConsumptionReported(
          org: "contoso", customer: "northwind", subscription: "sub-1", month: month,
          amount: Decimal(string: "1234.56")!, association: "DPOR", offerType: "Pay-As-You-Go",
          service: Dictionary(uniqueKeysWithValues: ConsumptionReported.serviceFieldNames.map { ($0, "v-\($0)") }))),
      .customerReferenceSubmitted(
        CustomerReferenceSubmitted(
          org: "contoso", specialization: "sap-on-microsoft-azure", reference: "r1", customer: "n")),
      .customerReferenceApproved(
        CustomerReferenceApproved(org: "contoso", specialization: "sap-on-microsoft-azure", reference: "r1")),
      .customerReferenceRejected(
        CustomerReferenceRejected(org: "contoso", specialization: "sap-on-microsoft-azure", reference: "r2")),
      .auditScheduled(AuditScheduled(org: "contoso", specialization: "kubernetes-on-microsoft-azure", auditor: "ACME")),
      .auditCompleted(AuditCompleted(org: "contoso", specialization: "kubernetes-on-microsoft-azure", result: .noPass)),
      .roleGranted(RoleGranted(subject: "alice", role: .globalAdmin, org: "contoso")),
      .roleRevoked(RoleRevoked(subject: "alice", role: .globalAdmin, org: "contoso")),
      .tokenIssued(
        TokenIssued(
          subject: "alice", token: "0123456789abcdef", digest: "0123456789abcdef" + String(repeating: "0", count: 48),
          expires: date("2021-05-01"))),
      .tokenRevoked(TokenRevoked(subject: "alice", token: "0123456789abcdef")),
    ]
    return events.enumerated().map { offset, event in
      ProposedEvent(
        id: "sample-\(offset + 1)", effective: date("2021-01-31").adding(days: offset), event: event,
        actor: Actor(id: "tester", role: "system"))
    }
  }

  /// `count` enrolment events of distinct organizations, without ids (the store generates them).
  public static func enrolments(_ count: Int, prefix: String = "org", from first: Int = 0) -> [ProposedEvent] {
    (first..<first + count).map { index in
      ProposedEvent(
        effective: date("2021-01-01"),
        event: .organizationEnrolled(OrganizationEnrolled(org: "\(prefix)-\(index)", name: "Organization \(index)")))
    }
  }

  /// `count` organizations that each buy a Silver membership on 2020-03-02 and receive a
  /// Gold override of cloud-platform the next day: each gives four alerts (the at-risk raise
  /// when the override ends, its clear at the anniversary, the two renewal reminders).
  public static func alertingOrganizations(_ count: Int) -> [ProposedEvent] {
    (0..<count).flatMap { index -> [ProposedEvent] in
      let org = "org-\(index)"
      return [
        ProposedEvent(
          effective: date("2020-01-01"), event: .organizationEnrolled(OrganizationEnrolled(org: org, name: org))),
        ProposedEvent(
          effective: date("2020-03-02"), event: .membershipPurchased(MembershipPurchased(org: org, level: .silver))),
        ProposedEvent(
          effective: date("2020-03-03"),
          event: .overridePlaced(OverridePlaced(org: org, competency: "cloud-platform", level: .gold))),
      ]
    }
  }

  /// The NDJSON text of `events`, one line each.
  public static func ndjson(_ events: [ProposedEvent]) -> String {
    events.map { String(decoding: EventInput.json(of: $0).canonicalBytes, as: UTF8.self) + "\n" }.joined()
  }
}
