import Foundation
import LedgerCore
import LedgerStorage
import LedgerTestSupport

/// Realistic program histories for W4 and W5: about 100 events an organization (enrolment,
/// 23 individuals with credentials, associations and some departures, 24 months of ACR across
/// specialization services, a purchase and renewal, overrides, audits and references).
enum ProgramHistories {
  static let credentials = ["70-533", "70-532", "70-535", "AZ-104", "70-483", "70-486", "MCSA: Office 365", "AZ-303"]
  static let services: [[String: String]] = [
    [
      "serviceLevel1": "Compute", "serviceLevel2": "Virtual Machines", "computeOS": "Windows",
      "computeOSAttribute": "Windows",
      "computeCoreSoftware": "Core", "adjustmentType": "N/A",
    ],
    ["serviceLevel1": "Databases", "serviceGroup3": "SQLDB"],
    ["serviceInfluencer": "AKS", "serviceLevel2": "Kubernetes"],
    ["serviceGroup3": "SQL on IaaS", "serviceLevel2": "Virtual Machines"],
  ]

  /// Appends `events` events (rounded to whole organizations) in batches of 10,000.
  static func generate(path: String, events target: Int) throws {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    var random = SplitMix64(seed: 7)
    let started = now()
    var total = 0
    var individual = 0
    do {
      let log = try SQLiteEventLog(path: path, durability: .normal)
      var pending: [ProposedEvent] = []
      var org = 0
      while total + pending.count < target {
        pending += organization(org, individuals: &individual, random: &random)
        org += 1
        if pending.count >= 10_000 {
          total += try log.append(pending).appended.count
          pending.removeAll(keepingCapacity: true)
        }
      }
      total += try log.append(pending).appended.count
    }
    var figures = Figures()
    figures.add("op", "generate")
    figures.add("events", total)
    figures.add("generate_s", seconds: now() - started)
    figures.add("db_bytes", databaseBytes(path))
    figures.print()
  }

  static func organization(_ number: Int, individuals: inout Int, random: inout SplitMix64) -> [ProposedEvent] {
    let org = "org-\(number)"
    var events: [ProposedEvent] = []
    func add(_ date: CivilDate, _ event: LedgerEvent) { events.append(ProposedEvent(effective: date, event: event)) }
    func day(_ year: ClosedRange<Int>) -> CivilDate {
      CivilDate(
        year: Int.random(in: year, using: &random), month: Int.random(in: 1...12, using: &random),
        day: Int.random(in: 1...28, using: &random))!
    }
    add(
      CivilDate(year: 2019, month: 1, day: 7)!,
      .organizationEnrolled(OrganizationEnrolled(org: org, name: "Org \(number)")))
    for _ in 0..<23 {
      let person = "ind-\(individuals)"
      individuals += 1
      let date = day(2019...2021)
      for _ in 0..<2 {
        add(
          date,
          .credentialEarned(
            CredentialEarned(individual: person, credential: credentials.randomElement(using: &random)!)))
      }
      add(date, .individualAssociated(IndividualAssociated(individual: person, org: org)))
      if Int.random(in: 0..<5, using: &random) == 0 {
        add(day(2021...2021), .individualDeparted(IndividualDeparted(individual: person, org: org)))
      }
    }
    for month in 0..<24 {
      let yearMonth = YearMonth(year: 2019 + month / 12, month: month % 12 + 1)!
      let service = services[month % services.count]
      add(
        yearMonth.adding(months: 1).firstDay.adding(days: -1),
        .consumptionReported(
          ConsumptionReported(
            org: org, customer: "c-\(number)-\(month % 3)", subscription: "s-\(number)-\(month % 3)", month: yearMonth,
            amount: Decimal(Int.random(in: 500...12_000, using: &random)), association: "DPOR",
            offerType: "Pay-As-You-Go", service: service)))
    }
    let purchase = day(2020...2020)
    add(
      purchase,
      .membershipPurchased(MembershipPurchased(org: org, level: Bool.random(using: &random) ? .gold : .silver)))
    if Bool.random(using: &random) {
      add(purchase.adding(years: 1), .membershipRenewed(MembershipRenewed(org: org, level: .silver)))
    }
    if Bool.random(using: &random) {
      add(day(2021...2021), .overridePlaced(OverridePlaced(org: org, competency: "cloud-platform", level: .gold)))
    }
    if Int.random(in: 0..<4, using: &random) == 0 {
      let specialization = "windows-server-and-sql-server-migration-to-microsoft-azure"
      add(day(2021...2021), .auditScheduled(AuditScheduled(org: org, specialization: specialization)))
      add(day(2021...2021), .auditCompleted(AuditCompleted(org: org, specialization: specialization, result: .pass)))
    }
    return events
  }
}
