import LedgerCommands
import LedgerCore
import LedgerTestSupport
import Testing

/// Associations: only the individual, 30 days apart, at most 3 in twelve months (§2.4).
struct AssociationGateTests {
  // In the sample, bob associates with contoso on 2020-02-03 and with fabrikam on 2020-06-15.
  @Test func onlyTheIndividualLinksTheirCertifications() async throws {
    let ledger = try await GatedLedger()
    let message = try await ledger.refused(.associate(individual: "bob", org: "contoso"), by: "admin", on: "2020-08-01")
    #expect(message == "Only bob themselves may link bob's certifications; admin holds no such role on 2020-08-01.")
    let recorded = try await ledger.allowed(.associate(individual: "bob", org: "contoso"), by: "bob", on: "2020-08-01")
    #expect(recorded?.actor == Actor(id: "bob", role: "individual"))
  }

  @Test(arguments: [("2020-07-14", false), ("2020-07-15", true)])
  func thirtyDaysMustPassFromTheLastAssociation(date: String, allowed: Bool) async throws {
    let ledger = try await GatedLedger()
    let command = LedgerCommand.associate(individual: "bob", org: "contoso")
    if allowed {
      try await ledger.allowed(command, by: "bob", on: date)
    } else {
      await #expect(
        try ledger.refused(command, by: "bob", on: date)
          == "You have attempted to associate with a partner organization. However, we require a period of 30 days between associations. Your next available date for a subsequent association is 2020-07-15."
      )
    }
  }

  @Test func aFourthAssociationWaitsTwelveMonthsFromTheOldestOfTheLastThree() async throws {
    let ledger = try await GatedLedger()
    // Earlier links: contoso 2020-02-03, fabrikam 2020-06-15; a third on 2020-07-15.
    try await ledger.allowed(.associate(individual: "bob", org: "contoso"), by: "bob", on: "2020-07-15")
    let refusal = try await ledger.refused(.associate(individual: "bob", org: "fabrikam"), by: "bob", on: "2021-02-02")
    #expect(
      refusal
        == "You have attempted to associate with a partner organization. However, an individual may associate only 3 times in twelve months. Your next available date for a subsequent association is 2021-02-03."
    )
    try await ledger.allowed(.associate(individual: "bob", org: "fabrikam"), by: "bob", on: "2021-02-03")
  }

  @Test func theLimitIsExactOnItsBoundaryDays() {
    let limit = AssociationLimit(perYear: 3, daysBetween: 30)
    let days = ["2021-01-31", "2021-03-02", "2021-04-01"].map(Samples.date)
    #expect(limit.nextAvailableDate(after: [], onOrAfter: Samples.date("2021-01-01")) == Samples.date("2021-01-01"))
    #expect(limit.nextAvailableDate(after: [days[0]], onOrAfter: days[0]) == Samples.date("2021-03-02"))
    #expect(limit.nextAvailableDate(after: days, onOrAfter: Samples.date("2021-05-01")) == Samples.date("2022-01-31"))
    let leapDay = [Samples.date("2020-02-29"), Samples.date("2020-03-30"), Samples.date("2020-04-29")]
    #expect(
      limit.nextAvailableDate(after: leapDay, onOrAfter: Samples.date("2020-06-01")) == Samples.date("2021-02-28"))
  }

  @Test func alreadyLinkedAndUnknownOrganizationsAreRefused() async throws {
    let ledger = try await GatedLedger()
    await #expect(
      try ledger.refused(.associate(individual: "alice", org: "contoso"), by: "alice", on: "2020-08-01")
        == "alice is already associated with contoso.")
    await #expect(
      try ledger.refused(.associate(individual: "alice", org: "nowhere"), by: "alice", on: "2020-08-01")
        == "Organization nowhere is not enrolled in the program.")
  }

  @Test func theIndividualOrAnAdminRecordsADeparture() async throws {
    let ledger = try await GatedLedger()
    await #expect(
      try ledger.refused(.depart(individual: "alice", org: "contoso"), by: "fab-admin", on: "2020-08-01")
        .hasPrefix("Only alice themselves or a Global admin of contoso or an MPN Account admin of contoso may"))
    let byAdmin = try await ledger.allowed(
      .depart(individual: "alice", org: "contoso"), by: "account", on: "2020-08-01")
    #expect(byAdmin?.actor == Actor(id: "account", role: "account-admin"))
    await #expect(
      try ledger.refused(.depart(individual: "alice", org: "contoso"), by: "alice", on: "2020-08-02")
        == "alice is not associated with contoso on 2020-08-02.")
    try await ledger.allowed(.depart(individual: "carol", org: "contoso"), by: "carol", on: "2020-08-02")
  }
}
