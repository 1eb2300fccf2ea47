import LedgerCommands
import LedgerCore
import LedgerStorage
import LedgerTestSupport
import Projections
import Testing

/// Bearer tokens live in the ledger as digests: only the system issues and revokes them, never
/// to itself, and a token signs its actor in from issue to expiry or revocation.
struct TokenTests {
  static func issue(_ token: BearerToken, expires: String? = nil) -> LedgerCommand {
    .issueToken(subject: token.actor, token: token.id, digest: token.digest, expires: expires.map(Samples.date))
  }

  @Test func theSystemIssuesATokenAndTheLedgerKeepsOnlyItsDigest() async throws {
    let ledger = try await GatedLedger()
    let token = BearerToken.generate(for: "admin")
    let issued = try #require(try await ledger.allowed(Self.issue(token), by: "system", on: "2021-01-01"))
    #expect(issued.stream == .actor("admin"))
    #expect(issued.actor == Actor(id: "system", role: "system"))
    let secret = String(token.text.split(separator: ".").last!)
    #expect(!String(decoding: issued.event.canonicalPayload, as: UTF8.self).contains(secret))
    let book = TokenBook(actor: "admin", events: [issued], on: Samples.date("2021-01-02"))
    #expect(book.admits(digest: token.digest, on: Samples.date("2021-01-02"))?.id == token.id)
    #expect(book.admits(digest: BearerToken.generate(for: "admin").digest, on: Samples.date("2021-01-02")) == nil)
  }

  @Test func onlyTheSystemIssuesOrRevokesAndNeverToItself() async throws {
    let ledger = try await GatedLedger()
    let token = BearerToken.generate(for: "account")
    #expect(
      try await ledger.refused(Self.issue(token), by: "admin", on: "2021-01-01")
        == "Only the system may issue bearer tokens; admin may not.")
    #expect(
      try await ledger.refused(Self.issue(BearerToken.generate(for: "system")), by: "system", on: "2021-01-01")
        == "No token is issued to the system: it acts only at the ledger's own file, never over HTTP.")
    #expect(
      try await ledger.refused(Self.issue(token, expires: "2021-01-01"), by: "system", on: "2021-01-01")
        == "A token must expire after the day it is issued (2021-01-01); --expires 2021-01-01 is not.")
    try await ledger.allowed(Self.issue(token), by: "system", on: "2021-01-01")
    #expect(
      try await ledger.refused(.revokeToken(subject: "account", token: token.id), by: "account", on: "2021-01-02")
        == "Only the system may revoke bearer tokens; account may not.")
  }

  @Test func aTokenSignsInFromIssueUntilItExpiresOrIsRevoked() async throws {
    let ledger = try await GatedLedger()
    let (lasting, expiring) = (BearerToken.generate(for: "maria"), BearerToken.generate(for: "maria"))
    try await ledger.allowed(Self.issue(lasting), by: "system", on: "2021-01-01")
    try await ledger.allowed(Self.issue(expiring, expires: "2021-02-01"), by: "system", on: "2021-01-01")
    try await ledger.allowed(.revokeToken(subject: "maria", token: lasting.id), by: "system", on: "2021-03-01")
    let events = try ledger.log.events(in: .actor("maria"), knownAt: try ledger.log.headPosition())
    func admitted(_ token: BearerToken, on day: String) -> Bool {
      TokenBook(actor: "maria", events: events, on: Samples.date(day)).admits(
        digest: token.digest, on: Samples.date(day))
        != nil
    }
    #expect(!admitted(lasting, on: "2020-12-31"))
    #expect(admitted(lasting, on: "2021-01-01"))
    #expect(admitted(expiring, on: "2021-01-31"))
    #expect(!admitted(expiring, on: "2021-02-01"))
    #expect(admitted(lasting, on: "2021-02-28"))
    #expect(!admitted(lasting, on: "2021-03-01"))
    #expect(
      try await ledger.refused(.revokeToken(subject: "maria", token: lasting.id), by: "system", on: "2021-03-02")
        == "maria's token \(lasting.id) is already revoked.")
    #expect(
      try await ledger.refused(
        .revokeToken(subject: "maria", token: "0000000000000000"), by: "system", on: "2021-03-02")
        == "maria has no token 0000000000000000.")
  }

  @Test(arguments: ["", "ledger.YQ", "ledger.YQ.short", "bearer.YQ.\(String(repeating: "A", count: 43))", "ledger..x"])
  func textThatIsNotALedgerTokenIsNotReadAsOne(text: String) {
    #expect(BearerToken(parsing: text) == nil)
  }

  @Test func aGeneratedTokenReadsBackAsItsActor() throws {
    let token = BearerToken.generate(for: "zoë.o'brien")
    let read = try #require(BearerToken(parsing: token.text))
    #expect(read.actor == "zoë.o'brien")
    #expect(read.digest == token.digest)
    #expect(read.id == String(token.digest.prefix(16)))
  }
}
