import LedgerCore
import LedgerQueries
import LedgerStorage
import LedgerTestSupport
import Projections
import Testing

/// Corrections, backdated events and determinism, through the store and the query layer.
struct BitemporalQueryTests {
  let ledger = TemporaryLedger()

  func append(
    _ date: String, _ event: LedgerEvent, id: String, corrects: String? = nil, into log: SQLiteEventLog
  )
    throws -> Int64
  {
    let proposed = ProposedEvent(
      id: id, effective: Samples.date(date), event: event, corrects: corrects, reason: corrects.map { _ in "fix" })
    return try log.append([proposed]).appended[0].position
  }

  /// Contoso with two Application Development developers and a Silver membership.
  func silverContoso(_ log: SQLiteEventLog) throws {
    var history = HistoryBuilder()
    history.enrol("contoso")
    history.hire("alice", at: "contoso", holding: ["70-483"], on: "2021-01-04")
    history.hire("bob", at: "contoso", holding: ["70-486"], on: "2021-01-04")
    history.purchase("contoso", .silver, on: "2021-01-15")
    _ = try log.append(history.events.map { ProposedEvent(id: $0.id, effective: $0.effective, event: $0.event) })
  }

  @Test func aCorrectionRestatesThePastButNotWhatWasKnownThen() async throws {
    let log = try ledger.open()
    try silverContoso(log)
    let query = OrganizationQuery(log: log, catalogs: bundledCatalogs)
    let departure = LedgerEvent.individualDeparted(IndividualDeparted(individual: "bob", org: "contoso"))
    let then = try append("2021-06-01", departure, id: "left", into: log)
    _ = try append("2021-06-15", departure, id: "left-fixed", corrects: "left", into: log)
    let asKnownThen = try await query.status(of: "contoso", asOf: Samples.date("2021-06-10"), knownAt: then)
    #expect(asKnownThen.alerts.map(\.since) == [Samples.date("2021-06-01")])
    let restated = try await query.status(
      of: "contoso", asOf: Samples.date("2021-06-10"), knownAt: try log.headPosition())
    #expect(restated.alerts.isEmpty)
    let later = try await query.status(of: "contoso", asOf: Samples.date("2021-06-20"), knownAt: try log.headPosition())
    #expect(later.alerts.map(\.cause) == [.event("left-fixed")])
  }

  @Test func aBackdatedEventChangesEarlierDatesOnlyOnceKnown() async throws {
    let log = try ledger.open()
    try silverContoso(log)
    let query = OrganizationQuery(log: log, catalogs: bundledCatalogs)
    let before = try log.headPosition()
    _ = try append(
      "2021-03-01", .individualAssociated(IndividualAssociated(individual: "bob", org: "fabrikam")), id: "moved",
      into: log)
    let date = Samples.date("2021-04-01")
    #expect(try await query.status(of: "contoso", asOf: date, knownAt: before).alerts.isEmpty)
    let restated = try await query.status(of: "contoso", asOf: date, knownAt: try log.headPosition())
    #expect(restated.alerts.map(\.since) == [Samples.date("2021-03-01")])
    #expect(restated.competency("application-development")?.attained == nil)
  }

  @Test func theSameQueryGivesTheSameAnswerEvenAfterUnrelatedEvents() async throws {
    let log = try ledger.open()
    try silverContoso(log)
    let query = OrganizationQuery(log: log, catalogs: bundledCatalogs)
    let date = Samples.date("2021-08-01")
    let first = try await query.status(of: "contoso", asOf: date, knownAt: try log.headPosition())
    #expect(try await query.status(of: "contoso", asOf: date, knownAt: try log.headPosition()) == first)
    _ = try log.append(Samples.enrolments(50, prefix: "unrelated"))
    _ = try append(
      "2021-02-01", .individualAssociated(IndividualAssociated(individual: "zed", org: "fabrikam")), id: "z", into: log)
    #expect(try await query.status(of: "contoso", asOf: date, knownAt: try log.headPosition()) == first)
  }

  @Test func anOrganizationNoEventNamesIsUnknown() async throws {
    let log = try ledger.open()
    try silverContoso(log)
    let query = OrganizationQuery(log: log, catalogs: bundledCatalogs)
    await #expect(throws: UnknownOrganization(org: "nobody", knownAt: 9)) {
      try await query.status(of: "nobody", asOf: Samples.date("2021-01-01"), knownAt: 9)
    }
  }
}
