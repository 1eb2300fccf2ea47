import LedgerCommands
import LedgerCore
import LedgerTestSupport
import Testing

/// Purchases and renewals: an admin, a competency attained at the level, the renewal window.
struct MembershipGateTests {
  // In the sample, fabrikam has no membership and attains nothing; contoso holds Gold from
  // 2020-03-02, renewed on 2021-03-02 (next anniversary 2022-03-02).
  @Test func aPurchaseNeedsAnAdminAndACompetencyAttainedAtTheLevel() async throws {
    let ledger = try await GatedLedger()
    let purchase = LedgerCommand.purchase(org: "fabrikam", level: .silver)
    #expect(
      try await ledger.refused(purchase, by: "admin", on: "2021-01-04").hasPrefix("Only a Global admin of fabrikam"))
    await #expect(
      try ledger.refused(purchase, by: "fab-admin", on: "2021-01-04")
        == "fabrikam cannot buy a membership at silver: no competency is attained at silver on 2021-01-04 (an override in force counts)."
    )
    try await ledger.allowed(
      .placeOverride(
        org: "fabrikam", competency: "cloud-platform", level: .silver, reason: "exam not synced", expires: nil),
      by: "maria", on: "2021-01-04")
    let bought = try await ledger.allowed(purchase, by: "fab-admin", on: "2021-01-04")
    #expect(bought?.event == .membershipPurchased(MembershipPurchased(org: "fabrikam", level: .silver)))
    await #expect(
      try ledger.refused(purchase, by: "fab-admin", on: "2021-01-05")
        == "fabrikam already holds a silver membership (anniversary 2022-01-04): renew it in its renewal window.")
  }

  @Test(arguments: [
    ("2022-03-02", false), ("2022-03-03", true), ("2022-04-01", true), ("2022-04-02", false),
  ])
  func aRenewalIsAllowedOnlyInsideTheRenewalWindow(date: String, allowed: Bool) async throws {
    let ledger = try await GatedLedger()
    let override = LedgerCommand.placeOverride(
      org: "contoso", competency: "cloud-platform", level: .gold, reason: "keep gold", expires: nil)
    try await ledger.allowed(override, by: "maria", on: "2022-02-20")
    let renew = LedgerCommand.renew(org: "contoso", level: .gold)
    if allowed {
      try await ledger.allowed(renew, by: "account", on: date)
    } else {
      let message = try await ledger.refused(renew, by: "account", on: date)
      #expect(
        message == "The renewal window of contoso runs from 2022-03-03 to 2022-04-01; \(date) is outside it."
          || message == "contoso holds no membership to renew on \(date): buy one instead.")
    }
  }
}
