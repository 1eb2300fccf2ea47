import LedgerCommands
import LedgerCore
import LedgerTestSupport
import Testing

/// Roles live in the ledger: who may grant them, and what holding one allows.
struct RoleTests {
  @Test func aGlobalAdminGrantsRolesForTheirOrganizationOnly() async throws {
    let ledger = try await GatedLedger()
    let granted = try await ledger.allowed(
      .grant(subject: "zoe", role: .accountAdmin, org: "contoso"), by: "admin", on: "2021-01-01")
    #expect(granted?.actor == Actor(id: "admin", role: "global-admin"))
    #expect(granted?.stream == .actor("zoe"))
    let elsewhere = try await ledger.refused(
      .grant(subject: "zoe", role: .accountAdmin, org: "fabrikam"), by: "admin", on: "2021-01-01")
    #expect(
      elsewhere
        == "Only a Global admin of fabrikam may grant roles for fabrikam; admin holds no such role on 2021-01-01.")
  }

  @Test func anAccountAdminCannotGrantAndProgramRolesNeedSystem() async throws {
    let ledger = try await GatedLedger()
    _ = try await ledger.refused(
      .grant(subject: "zoe", role: .globalAdmin, org: "contoso"), by: "account", on: "2021-01-01")
    let agent = try await ledger.refused(
      .grant(subject: "zoe", role: .microsoftAgent, org: nil), by: "admin", on: "2021-01-01")
    #expect(agent == "Only the system may grant the program-wide role microsoft-agent.")
    try await ledger.allowed(.grant(subject: "zoe", role: .microsoftAgent, org: nil), by: "system", on: "2021-01-01")
  }

  @Test func grantsAreCheckedForSenseAndDuplicates() async throws {
    let ledger = try await GatedLedger()
    await #expect(
      try ledger.refused(.grant(subject: "admin", role: .globalAdmin, org: "contoso"), by: "admin", on: "2021-01-01")
        == "admin already holds the role global-admin of contoso.")
    await #expect(
      try ledger.refused(.grant(subject: "zoe", role: .auditor, org: "contoso"), by: "system", on: "2021-01-01")
        == "The role auditor is program-wide: give no --org.")
    await #expect(
      try ledger.refused(.grant(subject: "zoe", role: .individual, org: nil), by: "system", on: "2021-01-01")
        == "The role individual is never granted.")
    await #expect(
      try ledger.refused(.revoke(subject: "zoe", role: .auditor, org: nil), by: "system", on: "2021-01-01")
        == "zoe does not hold the role auditor.")
  }

  @Test func aRevokedRoleNoLongerActsFromItsEffectiveDay() async throws {
    let ledger = try await GatedLedger()
    try await ledger.allowed(.revoke(subject: "maria", role: .microsoftAgent, org: nil), by: "system", on: "2021-01-01")
    let override = LedgerCommand.placeOverride(
      org: "contoso", competency: "cloud-platform", level: .gold, reason: "sync", expires: nil)
    try await ledger.allowed(override, by: "maria", on: "2020-12-31")
    await #expect(
      try ledger.refused(override, by: "maria", on: "2021-01-01").hasPrefix(
        "Only a Microsoft agent may place an override"))
  }

  @Test func theSystemBootstrapsOnlyTheFirstGlobalAdminAndActsInNoOtherRole() async throws {
    let ledger = try await GatedLedger()
    await #expect(
      try ledger.refused(.grant(subject: "zoe", role: .globalAdmin, org: "contoso"), by: "system", on: "2021-01-01")
        == "The system grants only the first Global admin of an organization; contoso's own Global admins grant its roles."
    )
    await #expect(
      try ledger.refused(.purchase(org: "contoso", level: .gold), by: "system", on: "2021-01-01")
        == "Only a Global admin of contoso or an MPN Account admin of contoso may buy a membership for contoso; the system records no such action."
    )
    let override = LedgerCommand.placeOverride(
      org: "contoso", competency: "cloud-platform", level: .gold, reason: "sync", expires: nil)
    #expect(
      try await ledger.refused(override, by: "system", on: "2021-01-01").hasSuffix("the system records no such action.")
    )
  }

  @Test func aGrantRecordedLaterButBackdatedDoesNotMakeAnEarlierActionLegitimate() async throws {
    let ledger = try await GatedLedger()
    let override = LedgerCommand.placeOverride(
      org: "contoso", competency: "cloud-platform", level: .gold, reason: "sync", expires: nil)
    _ = try await ledger.refused(override, by: "zoe", on: "2021-02-01")
    // The grant arrives afterwards, effective before the attempted action: the refusal stands
    // (nothing was written), and only an action recorded after the grant passes.
    try await ledger.allowed(.grant(subject: "zoe", role: .microsoftAgent, org: nil), by: "system", on: "2021-01-01")
    let recorded = try await ledger.allowed(override, by: "zoe", on: "2021-02-01")
    #expect(recorded?.record.writer == "zoe")
  }
}
