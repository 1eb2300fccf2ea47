import LedgerCommands
import LedgerCore
import LedgerTestSupport
import Testing

/// Overrides, audits and references: who may act, and when.
struct SpecializationGateTests {
  static let ws = GatedLedger.wsMigration

  @Test func onlyAMicrosoftAgentPlacesAndRevokesOverrides() async throws {
    let ledger = try await GatedLedger()
    let place = LedgerCommand.placeOverride(
      org: "contoso", competency: "cloud-platform", level: .gold, reason: "sync", expires: Samples.date("2021-02-01"))
    #expect(
      try await ledger.refused(place, by: "admin", on: "2021-01-04").hasPrefix("Only a Microsoft agent may place"))
    let placed = try await ledger.allowed(place, by: "maria", on: "2021-01-04")
    #expect(placed?.reason == "sync" && placed?.actor == Actor(id: "maria", role: "microsoft-agent"))
    let revoke = LedgerCommand.revokeOverride(org: "contoso", competency: "cloud-platform")
    #expect(
      try await ledger.refused(revoke, by: "audrey", on: "2021-01-05").hasPrefix("Only a Microsoft agent may revoke"))
    try await ledger.allowed(revoke, by: "maria", on: "2021-01-05")
    await #expect(
      try ledger.refused(revoke, by: "maria", on: "2021-01-06")
        == "contoso has no override of cloud-platform in force on 2021-01-06.")
    let unknown = LedgerCommand.placeOverride(
      org: "contoso", competency: "nope", level: .gold, reason: "x", expires: nil)
    await #expect(
      try ledger.refused(unknown, by: "maria", on: "2021-01-04")
        == "nope is not a competency of the program on 2021-01-04.")
    let backwards = LedgerCommand.placeOverride(
      org: "contoso", competency: "cloud-platform", level: .gold, reason: "x", expires: Samples.date("2021-01-04"))
    await #expect(
      try ledger.refused(backwards, by: "maria", on: "2021-01-04") == "An override must end after the day it is placed."
    )
  }

  @Test func scheduleAuditWaitsForEveryOtherPrerequisite() async throws {
    let ledger = try await GatedLedger()
    let schedule = LedgerCommand.scheduleAudit(org: "contoso", specialization: Self.ws)
    let early = try await ledger.refused(schedule, by: "admin", on: "2021-07-10")
    #expect(early.hasPrefix("Schedule audit is not available for "))
    #expect(early.contains("Missing: "))
    #expect(
      try await ledger.refused(schedule, by: "audrey", on: "2021-10-15").hasPrefix("Only a Global admin of contoso"))
    let scheduled = try await ledger.allowed(schedule, by: "admin", on: "2021-10-15")
    #expect(scheduled?.event == .auditScheduled(AuditScheduled(org: "contoso", specialization: Self.ws)))
    #expect(try await ledger.refused(schedule, by: "admin", on: "2021-10-16").hasPrefix("An audit of "))
    let noAudit = LedgerCommand.scheduleAudit(org: "contoso", specialization: "sap-on-microsoft-azure")
    #expect(try await ledger.refused(noAudit, by: "admin", on: "2021-10-15").hasSuffix("needs no audit."))
  }

  @Test func onlyAnAuditorRecordsTheResultOfAScheduledAudit() async throws {
    let ledger = try await GatedLedger()
    let result = LedgerCommand.recordAudit(org: "contoso", specialization: Self.ws, result: .pass)
    #expect(try await ledger.refused(result, by: "audrey", on: "2021-10-15").hasPrefix("No audit of "))
    try await ledger.allowed(.scheduleAudit(org: "contoso", specialization: Self.ws), by: "admin", on: "2021-10-15")
    await #expect(
      try ledger.refused(result, by: "admin", on: "2021-10-20")
        == "Only an auditor may record an audit result; admin holds no such role on 2021-10-20.")
    let recorded = try await ledger.allowed(result, by: "audrey", on: "2021-10-20")
    #expect(recorded?.actor == Actor(id: "audrey", role: "auditor"))
  }

  @Test func referencesAreSubmittedByAnAdminAndDecidedOnceByAnAgent() async throws {
    let ledger = try await GatedLedger()
    let sap = "sap-on-microsoft-azure"
    let submit = LedgerCommand.submitReference(
      org: "contoso", specialization: sap, reference: "r1", customer: "northwind")
    #expect(try await ledger.refused(submit, by: "maria", on: "2021-10-01").hasPrefix("Only a Global admin of contoso"))
    let wrong = LedgerCommand.submitReference(org: "contoso", specialization: Self.ws, reference: "r1", customer: "n")
    #expect(try await ledger.refused(wrong, by: "admin", on: "2021-10-01").hasSuffix("needs no customer references."))
    try await ledger.allowed(submit, by: "admin", on: "2021-10-01")
    #expect(
      try await ledger.refused(submit, by: "admin", on: "2021-10-02").hasPrefix("Reference r1 was already submitted"))
    let approve = LedgerCommand.approveReference(org: "contoso", specialization: sap, reference: "r1")
    #expect(
      try await ledger.refused(approve, by: "admin", on: "2021-10-03").hasPrefix("Only a Microsoft agent may approve"))
    try await ledger.allowed(approve, by: "maria", on: "2021-10-03")
    let reject = LedgerCommand.rejectReference(org: "contoso", specialization: sap, reference: "r1")
    #expect(try await ledger.refused(reject, by: "maria", on: "2021-10-04").hasSuffix("is already decided."))
    let missing = LedgerCommand.rejectReference(org: "contoso", specialization: sap, reference: "r9")
    #expect(try await ledger.refused(missing, by: "maria", on: "2021-10-04").hasPrefix("No reference r9 was submitted"))
  }
}
