import LedgerCore
import LedgerTestSupport
import Projections
import Testing

/// `explain` names who counts, and who stopped counting and why.
struct ExplanationTests {
  static func stopped(_ history: HistoryBuilder, on date: String) -> [String] {
    let explanation = OrganizationTimeline(
      catalogs: bundledCatalogs, facts: OrganizationFacts(org: "contoso", events: history.visibleEvents)
    ).explain("application-development", asOf: Samples.date(date))
    let silver = explanation?.parts.first { $0.title.hasSuffix(", silver") }?.outcome
    return silver?.stoppedCounting.map { "\($0.individual): \($0.reason) on \($0.since)" } ?? []
  }

  @Test func whoLeftMovedOrLostACredentialIsNamedWithTheReason() {
    var history = HistoryBuilder()
    history.enrol("contoso")
    history.hire("alice", at: "contoso", holding: ["70-483"], on: "2021-01-04")
    history.hire("bob", at: "contoso", holding: ["70-486"], on: "2021-01-04")
    history.hire("carol", at: "contoso", holding: ["70-480"], on: "2021-01-04", expires: "2021-05-01")
    history.hire("dave", at: "contoso", holding: ["70-487"], on: "2021-01-04")
    history.add("2021-03-01", .individualDeparted(IndividualDeparted(individual: "bob", org: "contoso")))
    history.add("2021-04-01", .individualAssociated(IndividualAssociated(individual: "dave", org: "fabrikam")))
    #expect(Self.stopped(history, on: "2021-02-01").isEmpty)
    #expect(
      Self.stopped(history, on: "2021-06-01") == [
        "bob: left contoso on 2021-03-01", "dave: moved to fabrikam on 2021-04-01",
        "carol: 70-480 expired on 2021-05-01",
      ])
    // Rejoining clears the record.
    history.add("2021-07-01", .individualAssociated(IndividualAssociated(individual: "bob", org: "contoso")))
    #expect(!Self.stopped(history, on: "2021-07-01").contains { $0.hasPrefix("bob") })
  }
}
