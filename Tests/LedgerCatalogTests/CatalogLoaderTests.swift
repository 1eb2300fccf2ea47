import Foundation
import LedgerCatalog
import LedgerCore
import Testing

struct CatalogLoaderTests {
  let catalog = try! CatalogLoader.bundled().catalog(on: try! CivilDate(parsing: "2021-07-07"))

  @Test func theDefaultCatalogCoversEveryCompetencyAndSpecialization() {
    #expect(catalog.competencies.count == 19)
    #expect(catalog.specializations.count == 24)
    #expect(catalog.competency("cloud-platform")?.paths.map(\.id) == ["azure-consumption"])
    #expect(catalog.competency("data-analytics")?.paths.count == 3)
  }

  @Test func auditAndReferenceSpecializationsAreExactlyTheSeedsLists() {
    let audited = catalog.specializations.filter(\.needsAudit).map(\.id)
    let referenced = catalog.specializations.filter { $0.references > 0 }.map(\.id)
    #expect(audited.count == 13 && referenced.count == 9)
    #expect(Set(audited).isDisjoint(with: referenced))
    #expect(referenced.contains("sap-on-microsoft-azure") && referenced.contains("cloud-security"))
    let neither = catalog.specializations.filter { !$0.needsAudit && $0.references == 0 }.map(\.id)
    #expect(neither == ["low-code-application-development", "small-and-midsize-business-management"])
    #expect(catalog.specialization("meetings-and-meeting-rooms-for-microsoft-teams")?.references == 3)
  }

  /// A specialization's ACR workloads add up to one total; where the program sets separate
  /// thresholds (Windows Server and SQL Server Migration: Windows ACR and SQL ACR) the catalog
  /// keeps them apart.
  @Test func acrWorkloadsAreOneCombinedMetricUnlessTheProgramSeparatesThem() throws {
    #expect(catalog.specialization("analytics-on-microsoft-azure")?.requirements?.metricIDs == ["analytics-acr"])
    #expect(
      catalog.metrics["analytics-acr"]?.components == [
        "synapse-acr", "data-lake-acr", "databricks-acr", "data-factory-acr",
      ])
    #expect(
      catalog.specialization("windows-server-and-sql-server-migration-to-microsoft-azure")?.requirements?.metricIDs
        == ["windows-acr", "sql-acr"])
  }

  /// Seed 000 names a performance requirement for Meetings and Meeting Rooms for Microsoft
  /// Teams without its figure: the catalog carries one, marked as a placeholder.
  @Test func meetingsAndMeetingRoomsHasItsPerformanceRequirementAsAPlaceholder() throws {
    let meetings = try #require(catalog.specialization("meetings-and-meeting-rooms-for-microsoft-teams"))
    #expect(meetings.requirements?.metricIDs == ["teams-meetings-usage"])
    #expect(catalog.metrics["teams-meetings-usage"]?.source == .performance)
    #expect(
      catalog.placeholders.contains {
        $0.reason.hasPrefix("seed 000 names a performance requirement for this specialization")
      })
  }

  @Test func retiredCredentialsStayAcceptedForTheirStatedPeriod() throws {
    #expect(catalog.credentials["70-534"]?.acceptedUntil == (try CivilDate(parsing: "2018-12-31")))
    #expect(
      catalog.credentials["70-354"]?.acceptedUntil == (try CivilDate(parsing: "2018-09-30")),
      "retirement + 12 months, that day included, as the program's own 2017-12-31 → 2018-12-31")
    #expect(catalog.credentials["70-533"]?.acceptedUntil == nil)
  }

  @Test func theSettingsDefaultToTheRulesReadings() {
    #expect(catalog.settings == .defaults)
    #expect(catalog.settings.overrideMonths == 3 && catalog.settings.renewalGraceDays == 30)
    #expect(catalog.settings.maxCompetenciesPerIndividual == nil)
  }

  @Test func placeholdersAreListedWithTheirPaths() {
    #expect(
      catalog.placeholders.contains { $0.path.hasPrefix("competencies[18]") && $0.reason.contains("placeholder") })
    #expect(catalog.placeholders.count >= 24)
  }

  static let minimal = """
    {"version":"t","effectiveFrom":"2020-01-01","credentials":[{"code":"X-1","name":"X","kind":"exam"}],
     "competencies":[{"id":"c","name":"C","area":"A","paths":[{"id":"p","name":"P","silver":%REQ%}]}],
     "specializations":[]}
    """

  static func load(requirement: String) throws(CatalogError) -> Catalog {
    try CatalogLoader.load(Data(minimal.replacingOccurrences(of: "%REQ%", with: requirement).utf8), file: "t.json")
  }

  @Test func aValidMinimalCatalogLoads() throws {
    let loaded = try Self.load(requirement: #"{"individuals":2,"holding":"X-1"}"#)
    #expect(loaded.competencies[0].paths[0].silver == .individuals(count: 2, holding: .credential("X-1"), ofWhom: nil))
  }

  @Test(arguments: [
    (
      #"{"individuals":2,"holding":"Y-9"}"#,
      "t.json: competencies[0]: credential \"Y-9\" is not in the catalog's credentials"
    ),
    (
      #"{"individuals":0,"holding":"X-1"}"#,
      "t.json: competencies[0].paths[0].silver.individuals: expected a whole number of at least 1"
    ),
    (
      #"{"individuals":2,"holding":"X-1","ofWhom":{"individuals":3,"holding":"X-1"}}"#,
      "t.json: competencies[0].paths[0].silver.ofWhom: 3 of the same 2 is more than 2"
    ),
    (
      #"{"metric":"m","atLeast":5,"months":12}"#,
      "t.json: competencies[0]: metric \"m\" is not in the catalog's metrics"
    ),
    (
      #"{"individuals":2,"holding":"X-1","colour":"red"}"#,
      "t.json: competencies[0].paths[0].silver: unknown key \"colour\""
    ),
    (
      #"{"metric":"m","atLeast":5,"months":14}"#,
      "t.json: competencies[0].paths[0].silver.months: a window of 14 months is longer than the 13 the replay follows"
    ),
    (
      #"{"oneOf":[]}"#,
      "t.json: competencies[0].paths[0].silver: expected a requirement: allOf, anyOf, individuals, metric or attribute"
    ),
  ])
  func aBadCatalogNamesTheFilePathAndReason(requirement: String, message: String) {
    let error = #expect(throws: CatalogError.self) { try Self.load(requirement: requirement) }
    #expect(error?.description == message)
  }

  @Test(arguments: [CredentialBits.capacity, CredentialBits.capacity + 1])
  func aCatalogVersionNumbersAtMostItsCapacityOfCredentials(count: Int) throws {
    let credentials = (1...count).map { #"{"code":"X-\#($0)","name":"X","kind":"exam"}"# }.joined(separator: ",")
    let text = Self.minimal.replacingOccurrences(of: #"{"code":"X-1","name":"X","kind":"exam"}"#, with: credentials)
      .replacingOccurrences(of: "%REQ%", with: #"{"individuals":2,"holding":"X-\#(count)"}"#)
    if count <= CredentialBits.capacity {
      let loaded = try CatalogLoader.load(Data(text.utf8), file: "t.json")
      #expect(loaded.credentialNumbers.count == count)
    } else {
      let error = #expect(throws: CatalogError.self) { try CatalogLoader.load(Data(text.utf8), file: "t.json") }
      #expect(error?.description == "t.json: credentials: 513 credentials; a catalog version numbers at most 512")
    }
  }

  @Test func theVersionInForceIsTheLatestStartedOne() throws {
    let later = try CatalogLoader.load(
      Data(
        Self.minimal.replacingOccurrences(of: "%REQ%", with: #"{"individuals":1,"holding":"X-1"}"#)
          .replacingOccurrences(of: "2020-01-01", with: "2023-01-01").replacingOccurrences(of: "\"t\"", with: "\"u\"")
          .utf8),
      file: "u.json")
    let history = CatalogHistory(versions: [later, try Self.load(requirement: #"{"individuals":2,"holding":"X-1"}"#)])
    #expect(history.catalog(on: try CivilDate(parsing: "2022-12-31")).version == "t")
    #expect(history.catalog(on: try CivilDate(parsing: "2023-01-01")).version == "u")
    #expect(history.catalog(on: try CivilDate(parsing: "2019-01-01")).version == "t")
  }

  @Test func eventsNamingUnknownThingsAreRefused() throws {
    let history = try CatalogLoader.bundled()
    #expect(
      history.problem(with: .credentialEarned(CredentialEarned(individual: "a", credential: "70-999")))
        == "unknown credential \"70-999\"")
    #expect(
      history.problem(with: .overrideRevoked(OverrideRevoked(org: "o", competency: "cloud")))
        == "unknown competency \"cloud\"")
    #expect(
      history.problem(with: .auditScheduled(AuditScheduled(org: "o", specialization: "s")))
        == "unknown specialization \"s\"")
    #expect(history.problem(with: .credentialEarned(CredentialEarned(individual: "a", credential: "70-533"))) == nil)
  }
}
