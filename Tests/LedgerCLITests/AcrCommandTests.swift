import Foundation
import LedgerCore
import LedgerStorage
import LedgerTestSupport
import Testing

struct AcrCommandTests {
  let directory = TemporaryDirectory()
  var db: String { directory.file("ledger.sqlite") }

  static let header =
    "PartnerID,PGAPartnerID,CustomerTenantId,SubscriptionId,Month,ACR_USD,AssociationType,OfferType,"
    + "ServiceLevel1,ServiceLevel2,ServiceInfluencer,AdjustmentType\r\n"

  func csv(_ rows: [String]) -> String {
    let data = Data([0xEF, 0xBB, 0xBF]) + Data((Self.header + rows.joined(separator: "\r\n") + "\r\n").utf8)
    let path = directory.file("acr-\(UUID().uuidString).csv")
    _ = FileManager.default.createFile(atPath: path, contents: data)
    return path
  }

  func enrol() throws {
    let line = #"{"type":"OrganizationEnrolled","effective":"2021-01-01","org":"contoso","name":"Contoso"}"#
    #expect(try LedgerProcess.run(["append", "--db", db], stdin: Data(line.utf8), in: directory).status == 0)
  }

  func eventCount() throws -> Int64 {
    try SQLiteEventLog(path: db, create: false).headPosition()
  }

  @Test func importsAnInsightsExportWithQuotingAndIsIdempotent() async throws {
    try enrol()
    let file = csv([
      #"contoso,p1,"Northwind, Inc.",s1,2021-05,1200.50,Digital Partner of Record,Pay-As-You-Go,Containers,"Kubernetes","AKS",N/A"#,
      "contoso,p1,\"Tail \"\"Spin\"\" Toys\",s2,5/1/2021,800,CSP Tier 1,Pay-As-You-Go,Containers,Kubernetes,AKS,",
    ])
    let outcome = try LedgerProcess.run(["import-acr", "--db", db, file], in: directory)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout == "imported 2 rows: appended 2 events at positions 2…3\n")
    let again = try LedgerProcess.run(["import-acr", "--db", db, file], in: directory)
    #expect(again.stdout == "imported 2 rows: appended 0 events; 2 already present\n")
    var rows: [ConsumptionReported] = []
    try await SQLiteEventLog(path: db, create: false).forEachEvent(from: 1, knownAt: .max) { event in
      if case .consumptionReported(let row) = event.event { rows.append(row) }
    }
    #expect(rows.map(\.customer) == ["Northwind, Inc.", "Tail \"Spin\" Toys"])
    #expect(rows.map(\.association) == ["DPOR", "CSP-direct"])
    #expect(rows[0].service["adjustmentType"] == "N/A" && rows[1].service["adjustmentType"] == nil)
    #expect(rows[1].month.description == "2021-05" && rows[0].amount == Decimal(string: "1200.5"))
  }

  @Test func aBadRowRejectsTheWholeFileNamingLineAndColumn() throws {
    try enrol()
    let file = csv([
      "contoso,p1,c1,s1,2021-05,100,DPOR,Pay-As-You-Go,,,AKS,",
      "contoso,p1,c2,s2,2021-05,12x,DPOR,Pay-As-You-Go,,,AKS,",
      "contoso,p1,c3,s3,2021-13,5,DPOR,Pay-As-You-Go,,,AKS,",
      "contoso,p1,,s4,2021-05,5,DPOR,Pay-As-You-Go,,,AKS,",
    ])
    let outcome = try LedgerProcess.run(["import-acr", "--db", db, file], in: directory)
    #expect(outcome.status == 65)
    #expect(
      outcome.stderr.split(separator: "\n").map(String.init) == [
        "\(file):3: column ACR_USD: \"12x\" is not a number",
        "\(file):4: column Month: \"2021-13\" is not a month (YYYY-MM, YYYY-MM-DD or M/D/YYYY with a four-digit year)",
        "\(file):5: column CustomerTenantId: empty",
      ])
    #expect(try eventCount() == 1)
  }

  @Test func aMissingColumnOrBrokenQuotingIsRefused() throws {
    try enrol()
    let noAmount = directory.write("bad.csv", "PartnerID,CustomerTenantId,SubscriptionId,Month\nc,c,s,2021-01\n")
    let missing = try LedgerProcess.run(["import-acr", "--db", db, noAmount], in: directory)
    #expect(missing.stderr == "\(noAmount):1: missing column(s) ACR_USD, AssociationType, OfferType\n")
    let broken = csv(["contoso,p1,\"c1,s1,2021-05,100,DPOR,Pay-As-You-Go,,,AKS,"])
    let quoting = try LedgerProcess.run(["import-acr", "--db", db, broken], in: directory)
    #expect(quoting.status == 65 && quoting.stderr.hasSuffix(":2: column 3: unterminated quoted field\n"))
    #expect(try eventCount() == 1)
  }

  @Test func acrReportsEachRequirementAndWhatItLeavesOut() throws {
    try enrol()
    var rows: [String] = []
    for customer in ["a", "b", "c"] {
      for month in ["2021-07", "2021-08", "2021-09"] {
        rows.append("contoso,p1,\(customer),s-\(customer),\(month),1000,DPOR,Pay-As-You-Go,,,AKS,")
      }
    }
    rows.append("contoso,p1,d,s-d,2021-09,500,DPOR,Trial,,,AKS,")
    _ = try LedgerProcess.run(["import-acr", "--db", db, csv(rows)], in: directory)
    let outcome = try LedgerProcess.run(
      [
        "acr", "contoso", "--db", db, "--as-of", "2021-10-10", "--specialization", "kubernetes-on-microsoft-azure",
        "--json",
      ],
      in: directory)
    let report = try JSONParser.parse(Array(outcome.stdout.utf8))
    guard case .array(let requirements) = report["requirements"] else {
      Issue.record("no requirements")
      return
    }
    // One total over AKS and ARO against one threshold, with what each workload adds.
    #expect(requirements.count == 1)
    let kubernetes = requirements[0]
    #expect(
      kubernetes["metric"] == .string("kubernetes-acr") && kubernetes["amount"] == .number(9000)
        && kubernetes["met"] == .bool(true))
    #expect(kubernetes["customers"] == .array([.string("a"), .string("b"), .string("c")]))
    guard case .array(let excluded) = kubernetes["excluded"] else { return }
    #expect(excluded.map { $0["reason"] } == [.string("offer type Trial (trial) does not count")])
    #expect(
      kubernetes["contributions"]
        == .array([
          .object([("amount", .number(9000)), ("metric", .string("aks-acr"))]),
          .object([("amount", .number(0)), ("metric", .string("aro-acr"))]),
        ]))
    let unknown = try LedgerProcess.run(["acr", "contoso", "--db", db, "--specialization", "nope"], in: directory)
    #expect(unknown.status == 64)
  }
}
