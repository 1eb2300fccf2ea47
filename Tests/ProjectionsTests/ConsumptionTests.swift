import Foundation
import LedgerCore
import LedgerQueries
import LedgerStorage
import LedgerTestSupport
import Projections
import Testing

/// ACR attribution: exclusions, de-duplication, windows, customers, restatement.
struct ConsumptionTests {
  static let kubernetes = "kubernetes-on-microsoft-azure"

  /// One month of AKS consumption.
  static func aks(
    _ customer: String, _ amount: Int, month: String, association: String = "DPOR",
    offerType: String = "Pay-As-You-Go", influencer: String = "AKS", subscription: String? = nil
  ) -> LedgerEvent {
    .consumptionReported(
      ConsumptionReported(
        org: "contoso", customer: customer, subscription: subscription ?? "sub-\(customer)",
        month: try! YearMonth(parsing: month), amount: Decimal(amount), association: association, offerType: offerType,
        service: ["serviceInfluencer": influencer]))
  }

  func line(_ history: HistoryBuilder, on date: String, metric: String = "kubernetes-acr") -> ConsumptionReport.Line {
    OrganizationTimeline(
      catalogs: bundledCatalogs, facts: OrganizationFacts(org: "contoso", events: history.visibleEvents)
    )
    .consumptionReport(asOf: Samples.date(date), specialization: Self.kubernetes).lines.first { $0.metric == metric }!
  }

  static var threeCustomers: HistoryBuilder {
    var history = HistoryBuilder()
    history.enrol("contoso")
    for customer in ["a", "b", "c"] {
      for month in ["2022-03", "2022-04", "2022-05"] {
        history.add("2022-06-01", aks(customer, 1_000, month: month), id: "\(customer)-\(month)")
      }
    }
    return history
  }

  @Test func threeFullMonthsFromThreeCustomersMeetTheRequirement() {
    let met = line(Self.threeCustomers, on: "2022-06-15")
    #expect(met.amount == 9_000 && met.figure.customers == ["a", "b", "c"] && met.met)
    #expect(met.from.description == "2022-03" && met.through.description == "2022-05")
  }

  @Test(arguments: [("2022-05-31", false), ("2022-06-01", true), ("2022-06-30", true), ("2022-07-01", false)])
  func theWindowsFirstAndLastMonthsAreInAndTheirNeighboursOut(date: String, met: Bool) {
    #expect(line(Self.threeCustomers, on: date).met == met)
  }

  /// A customer counts toward the minimum only when its ACR in the window nets above zero:
  /// a zero row, or a credit in the window's last month that cancels the earlier months, is
  /// no consuming customer (rules issue: "ACR customers are customers who consumed").
  @Test(arguments: [(0, true), (-3_000, false), (-2_999, true), (-5_000, false)])
  func aCustomerWhoseACRNetsToZeroOrLessDoesNotCount(lastMonth amount: Int, counts: Bool) {
    var history = HistoryBuilder()
    history.enrol("contoso")
    for customer in ["a", "b"] {
      for month in ["2022-03", "2022-04", "2022-05"] {
        history.add("2022-06-01", Self.aks(customer, 5_000, month: month), id: "\(customer)-\(month)")
      }
    }
    history.add("2022-06-01", Self.aks("c", 1_000, month: "2022-03"), id: "c-03")
    history.add("2022-06-01", Self.aks("c", 2_000, month: "2022-04"), id: "c-04")
    history.add("2022-06-01", Self.aks("c", amount, month: "2022-05"), id: "c-05")
    // A fourth customer with only a zero row never counts.
    history.add("2022-06-01", Self.aks("d", 0, month: "2022-04"), id: "d-04")
    let report = line(history, on: "2022-06-15")
    #expect(report.figure.customers == (counts ? ["a", "b", "c"] : ["a", "b"]))
    #expect(report.met == counts)
    #expect(report.figure.byCustomer["d"] == 0)
  }

  /// Offers are matched by category through the catalog's map, whatever the export calls
  /// them; a name the map lacks is counted and flagged.
  @Test(arguments: [
    ("Free Trial", false), ("free-trial", false), ("AZURE  PASS", false), ("Internal use", false), ("Benefits", false),
    ("MSDN", false), ("Support Plan", false), ("Pay-As-You-Go", true), ("pay as you go", true), ("Mystery Offer", true),
  ])
  func offerTypesAreMatchedByCategoryAndAnUnknownOneIsCountedAndFlagged(offer: String, counts: Bool) {
    var history = Self.threeCustomers
    history.add("2022-06-01", Self.aks("d", 500, month: "2022-05", offerType: offer), id: "offer")
    let result = line(history, on: "2022-06-15")
    #expect(result.amount == (counts ? 9_500 : 9_000), "\(offer)")
    #expect(result.figure.unknownOfferTypes == (offer == "Mystery Offer" ? ["Mystery Offer"] : []))
    if !counts { #expect(result.figure.excluded.first?.reason.hasPrefix("offer type \(offer) (") == true) }
  }

  /// Kubernetes ACR is one total over AKS and ARO against one threshold: half and half meets
  /// it, and the report says what each workload adds.
  @Test func theWorkloadsOfASpecializationAddUpToOneTotal() {
    var history = HistoryBuilder()
    history.enrol("contoso")
    for customer in ["a", "b", "c"] {
      history.add("2022-06-01", Self.aks(customer, 1_500, month: "2022-05"), id: "aks-\(customer)")
      history.add(
        "2022-06-01",
        .consumptionReported(
          ConsumptionReported(
            org: "contoso", customer: customer, subscription: "aro-\(customer)",
            month: try! YearMonth(parsing: "2022-05"),
            amount: 1_500, association: "DPOR", offerType: "Pay-As-You-Go",
            service: ["serviceGroup3": "ARO", "serviceLevel2": "Containers"])), id: "aro-\(customer)")
    }
    let total = line(history, on: "2022-06-15")
    #expect(total.amount == 9_000 && total.met)
    #expect(total.contributions.map { "\($0.metric) \($0.amount)" } == ["aks-acr 4500", "aro-acr 4500"])
  }

  @Test func tooFewCustomersFailEvenAboveTheThreshold() {
    var history = HistoryBuilder()
    history.enrol("contoso")
    history.add("2022-06-01", Self.aks("a", 50_000, month: "2022-05"))
    history.add("2022-06-01", Self.aks("b", 50_000, month: "2022-05"))
    let twoCustomers = line(history, on: "2022-06-15")
    #expect(twoCustomers.amount == 100_000 && !twoCustomers.met)
  }

  @Test func excludedOfferTypesAssociationsAndFiltersAreLeftOutWithTheirReason() {
    var history = Self.threeCustomers
    history.add("2022-06-01", Self.aks("d", 700, month: "2022-05", offerType: "Internal"), id: "internal")
    history.add("2022-06-01", Self.aks("d", 800, month: "2022-05", association: "TPOR"), id: "tpor")
    history.add("2022-06-01", Self.aks("d", 900, month: "2022-05", influencer: "Service Fabric"), id: "fabric")
    history.add("2022-06-01", Self.aks("d", 1_000, month: "2022-01"), id: "january")
    // Outside the window too, but another workload's: not this metric's row at all.
    history.add(
      "2022-06-01", Self.aks("d", 1_100, month: "2022-01", influencer: "Service Fabric"), id: "fabric-january")
    let result = line(history, on: "2022-06-15")
    #expect(result.amount == 9_000)
    #expect(
      result.figure.excluded.map { "\($0.event): \($0.reason)" } == [
        "fabric: does not match the filter of kubernetes-acr",
        "internal: offer type Internal (internal) does not count",
        "tpor: association TPOR does not count for kubernetes-acr",
      ])
    #expect(result.figure.outsideWindow == 1, "only rows the metric's filter takes are counted outside the window")
  }

  @Test func oneAmountReachingThePartnerSeveralWaysCountsOnceThroughTheHighestPriority() {
    var history = Self.threeCustomers
    history.add("2022-06-01", Self.aks("a", 1_000, month: "2022-05", association: "PAL"), id: "a-pal")
    history.add("2022-06-01", Self.aks("a", 1_000, month: "2022-05", association: "CSP-indirect"), id: "a-csp")
    let result = line(history, on: "2022-06-15")
    #expect(result.amount == 9_000)
    #expect(result.figure.counted.contains("a-pal") && !result.figure.counted.contains("a-2022-05"))
    #expect(
      Set(result.figure.excluded.map(\.event)) == ["a-2022-05", "a-csp"]
        && result.figure.excluded.allSatisfy { $0.reason.contains("through PAL (event a-pal)") })
  }

  @Test func aRestatementReplacesTheAmountOnlyOnceKnown() async throws {
    let ledger = TemporaryLedger()
    let log = try ledger.open()
    let history = Self.threeCustomers
    _ = try log.append(history.events.map { ProposedEvent(id: $0.id, effective: $0.effective, event: $0.event) })
    let before = try log.headPosition()
    _ = try log.append([
      ProposedEvent(id: "restated", effective: Samples.date("2022-06-20"), event: Self.aks("c", 200, month: "2022-05"))
    ])
    let query = OrganizationQuery(log: log, catalogs: bundledCatalogs)
    func amount(knownAt: Int64) async throws -> Decimal {
      try await query.timeline(of: "contoso", knownAt: knownAt)
        .consumptionReport(asOf: Samples.date("2022-06-25"), specialization: Self.kubernetes).lines[0].amount
    }
    #expect(try await amount(knownAt: before) == 9_000)
    #expect(try await amount(knownAt: try log.headPosition()) == 8_200)
  }

  @Test func theSpecializationNeedsItsACRBesidesGoldAndTheAudit() {
    var history = SpecializationTests.goldCloudPlatform
    history.add(
      "2022-04-01", .auditCompleted(AuditCompleted(org: "contoso", specialization: Self.kubernetes, result: .pass)))
    let without = history.status("contoso", on: "2022-06-15").specialization(Self.kubernetes)
    #expect(without.status == "not-started" && without.missing.contains { $0.contains("AKS") })
    for event in Self.threeCustomers.events.dropFirst() { history.add("2022-06-01", event.event) }
    for customer in ["a", "b", "c"] {
      for month in ["2022-03", "2022-04", "2022-05"] {
        history.add(
          "2022-06-01",
          .consumptionReported(
            ConsumptionReported(
              org: "contoso", customer: customer, subscription: "aro-\(customer)",
              month: try! YearMonth(parsing: month),
              amount: 1_000, association: "CSP-direct", offerType: "Pay-As-You-Go",
              service: ["serviceGroup3": "ARO", "serviceLevel2": "Containers"])))
      }
    }
    #expect(history.status("contoso", on: "2022-06-15").specialization(Self.kubernetes).status == "active")
  }
}
