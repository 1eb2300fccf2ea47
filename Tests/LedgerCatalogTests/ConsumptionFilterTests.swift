import LedgerCatalog
import LedgerCore
import Testing

/// Every named ACR metric's filter, condition by condition.
struct ConsumptionFilterTests {
  static let history = try! CatalogLoader.bundled()
  static let versions = history.versions

  /// Every consumption metric with a filter, in both catalog versions.
  static let filtered: [(String, ConsumptionFilter)] = versions.flatMap { catalog in
    catalog.metrics.values.sorted { $0.id < $1.id }.compactMap { metric in
      metric.filter.map { ("\(catalog.version)/\(metric.id)", $0) }
    }
  }

  /// A row that passes: the first value of each `in`, another value for each `notIn`, the
  /// first branch of each `anyOf`.
  static func matchingRow(_ filter: ConsumptionFilter) -> [String: String] {
    switch filter {
    case .valueIn(let field, let values, _): [field: values.sorted()[0]]
    case .valueNotIn(let field, _): [field: "some other value"]
    case .allOf(let parts): parts.reduce(into: [:]) { $0.merge(matchingRow($1)) { first, _ in first } }
    case .anyOf(let parts): matchingRow(parts[0])
    }
  }

  /// The conditions a matching row relies on: each `in` and `notIn` outside the unused `anyOf` branches.
  static func conditions(_ filter: ConsumptionFilter) -> [ConsumptionFilter] {
    switch filter {
    case .valueIn, .valueNotIn: [filter]
    case .allOf(let parts): parts.flatMap(conditions)
    case .anyOf(let parts): conditions(parts[0])
    }
  }

  @Test func everyNamedMetricOfTheSeedHasAFilter() {
    // The 25 workloads of seed 000, besides the six that combine some of them.
    let ids = Set(
      Self.history.versions[0].metrics.values.filter { $0.filter != nil && $0.components.isEmpty }.map(\.id))
    #expect(ids.count == 25)
    #expect(ids.isSuperset(of: ["windows-acr", "linux-vm-acr", "cloud-security-acr", "spring-cloud-acr", "aro-acr"]))
    #expect(Self.history.versions.last!.metrics["sap-acr"]?.filter != nil)
  }

  @Test(arguments: filtered.map(\.0))
  func aRowMeetingEveryConditionMatchesAndBreakingAnyOneDoesNot(metric: String) {
    let filter = Self.filtered.first { $0.0 == metric }!.1
    let row = Self.matchingRow(filter)
    #expect(filter.matches(row), "the matching row")
    for condition in Self.conditions(filter) {
      guard case .valueIn(let field, let values, let orMissing) = condition else {
        guard case .valueNotIn(let field, let values) = condition else { continue }
        var inside = row
        inside[field] = values.sorted()[0]
        #expect(!filter.matches(inside), "\(field) = a value of the excluded set")
        var missing = row
        missing[field] = nil
        #expect(!filter.matches(missing), "\(field) missing")
        continue
      }
      var outside = row
      outside[field] = values.sorted()[0] + "x"
      #expect(!filter.matches(outside), "\(field) just outside the set")
      var unknown = row
      unknown[field] = "Unknown"
      #expect(filter.matches(unknown) == values.contains("unknown"), "\(field) = Unknown")
      var missing = row
      missing[field] = nil
      #expect(filter.matches(missing) == orMissing, "\(field) missing")
    }
  }

  static func filter(_ id: String, version: Int = 0) -> ConsumptionFilter {
    history.versions[version].metrics[id]!.filter!
  }

  static let windowsVM: [String: String] = [
    "adjustmentType": "N/A", "computeCoreSoftware": "Core", "computeOS": "WINDOWS", "computeOSAttribute": "WINDOWS",
    "serviceLevel2": "Virtual Machines",
  ]

  @Test func windowsACRTakesEitherOperatingSystemBranch() {
    let windows = Self.filter("windows-acr")
    #expect(windows.matches(Self.windowsVM))
    var hybridBenefit = Self.windowsVM
    hybridBenefit["computeOS"] = "LINUX"
    #expect(!windows.matches(hybridBenefit), "Linux with a Windows attribute is not the second branch")
    hybridBenefit["computeOSAttribute"] = "WINDOWS-AHUB"
    #expect(windows.matches(hybridBenefit))
    var unknownAttribute = Self.windowsVM
    unknownAttribute["computeOSAttribute"] = "unknown"
    #expect(windows.matches(unknownAttribute), "values compare case-insensitively")
    var noAdjustment = Self.windowsVM
    noAdjustment["adjustmentType"] = nil
    #expect(windows.matches(noAdjustment), "a row without an adjustment type counts as N/A")
    var adjusted = Self.windowsVM
    adjusted["adjustmentType"] = "Credit"
    #expect(!windows.matches(adjusted))
  }

  @Test func linuxVMACRIsOptionOneOrOptionTwo() {
    let linux = Self.filter("linux-vm-acr")
    let optionOne = [
      "adjustmentType": "N/A", "serviceLevel2": "Virtual Machines", "computeOS": "Linux",
      "computeOSAttribute": "Non-Windows", "serviceLevel4": "D Series",
    ]
    #expect(linux.matches(optionOne))
    var msSeries = optionOne
    msSeries["serviceLevel4"] = "Virtual Machines MSv2 Series"
    #expect(!linux.matches(msSeries), "M-series VMs are left to SAP")
    #expect(linux.matches(["serviceLevel4": "SUSE Linux Enterprise Server Priority"]), "option 2 needs no OS fields")
    #expect(!linux.matches(["serviceLevel4": "SUSE Linux Enterprise Server"]))
  }

  @Test func cloudSecurityIncludesTheTwoValuesTheFrenchSeedCutOff() {
    let security = Self.filter("cloud-security-acr")
    #expect(security.matches(["serviceLevel4": "Azure Defender for servers"]))
    #expect(security.matches(["serviceLevel4": "Sentinel"]))
    #expect(!security.matches(["serviceLevel4": "Microsoft Defender for servers"]))
    #expect(Self.filter("cloud-security-acr", version: 2).matches(["serviceLevel4": "Microsoft Defender for servers"]))
  }

  @Test func the2023VersionMovesSynapseAndDataFactoryToServiceLevel2() throws {
    let before = try CivilDate(parsing: "2023-06-30")
    let after = try CivilDate(parsing: "2023-07-01")
    let synapse2021 = Self.history.catalog(on: before).metrics["synapse-acr"]!.filter!
    let synapse2023 = Self.history.catalog(on: after).metrics["synapse-acr"]!.filter!
    #expect(synapse2021.matches(["serviceGroup3": "SQL DW"]) && !synapse2023.matches(["serviceGroup3": "SQL DW"]))
    #expect(synapse2023.matches(["serviceLevel2": "Azure Synapse Analytics"]))
    #expect(
      Self.history.catalog(on: after).metrics["data-factory-acr"]!.filter!.matches([
        "serviceLevel2": "Azure Data Factory v2"
      ]))
  }

  @Test func allExceptUnknownNeedsAValueOtherThanUnknown() {
    let openShift = Self.filter("aro-acr")
    #expect(openShift.matches(["serviceGroup3": "ARO", "serviceLevel2": "Compute"]))
    #expect(!openShift.matches(["serviceGroup3": "ARO", "serviceLevel2": " UNKNOWN "]))
    #expect(!openShift.matches(["serviceGroup3": "ARO"]))
  }
}
