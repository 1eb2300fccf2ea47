import Foundation
import LedgerCore
import Testing

/// `POST /commands/{name}`: decided as the signed-in actor by the CLI's gates. Each case is
/// sent by every caller: 401 without a token, 403 from every actor whose roles do not allow
/// it (nothing written), then 201 and one event from the first of those who may.
struct CommandRouteTests {
  struct Case: Sendable, CustomStringConvertible {
    let name: String
    let body: String
    let allowed: [String]
    var description: String { name }
  }

  static let cases = [
    Case(
      name: "override",
      body:
        #"{"org":"contoso","competency":"cloud-platform","level":"gold","reason":"pending exam","effective":"2021-05-03"}"#,
      allowed: ["maria"]),
    Case(
      name: "grant", body: #"{"subject":"zoe","role":"account-admin","org":"contoso","effective":"2021-05-03"}"#,
      allowed: ["admin"]),
    Case(name: "associate", body: #"{"individual":"ivy","org":"contoso","effective":"2021-05-03"}"#, allowed: ["ivy"]),
    Case(
      name: "depart", body: #"{"individual":"alice","org":"contoso","effective":"2021-05-03"}"#,
      allowed: ["alice", "admin", "account"]),
    Case(
      name: "schedule-audit",
      body:
        #"{"org":"contoso","specialization":"windows-server-and-sql-server-migration-to-microsoft-azure","effective":"2021-10-15"}"#,
      allowed: ["admin", "account"]),
  ]

  @Test(arguments: cases)
  func onlyTheActorWhoseRoleAllowsItRecordsTheCommand(_ command: Case) async throws {
    let served = try await ServedLedger()
    let before = try served.head()
    #expect(try await served.post("commands/\(command.name)", command.body, token: nil).status == 401)
    for actor in ServedLedger.actors where !command.allowed.contains(actor) {
      let answer = try await served.post("commands/\(command.name)", command.body, token: served.tokens[actor])
      #expect(answer.status == 403, "\(command.name) by \(actor): \(String(decoding: answer.body, as: UTF8.self))")
      #expect(answer.headers["content-type"] == "application/problem+json")
    }
    #expect(try served.head() == before, "a refusal wrote something")
    let actor = command.allowed[0]
    let answer = try await served.post("commands/\(command.name)", command.body, token: served.tokens[actor])
    #expect(answer.status == 201, "\(String(decoding: answer.body, as: UTF8.self))")
    #expect(try served.head() == before + 1)
    #expect(answer.json["recorded"]?["actor"]?["id"] == .string(actor))
    #expect(answer.json["recorded"]?["writer"] == .string(actor))
    #expect(answer.json["recorded"]?["position"] == .number(Decimal(before + 1)))
  }

  @Test func aCommandDecidedOnAStaleVersionIsRefusedAndWritesNothing() async throws {
    let served = try await ServedLedger()
    let read = try await served.get("organizations/contoso/status", as: "maria")
    let tag = try #require(read.headers["etag"])
    let place = #"{"org":"contoso","competency":"cloud-platform","level":"gold","reason":"r","effective":"2021-05-03"}"#
    let first = try await served.post("commands/override", place, token: served.tokens["maria"], ifMatch: tag)
    #expect(first.status == 201)
    let newTag = try #require(first.headers["etag"])
    #expect(newTag != tag)
    let before = try served.head()
    let revoke = #"{"org":"contoso","competency":"cloud-platform","effective":"2021-05-04"}"#
    let stale = try await served.post("commands/revoke-override", revoke, token: served.tokens["maria"], ifMatch: tag)
    #expect(stale.status == 412)
    #expect(try served.head() == before)
    let fresh = try await served.post(
      "commands/revoke-override", revoke, token: served.tokens["maria"], ifMatch: newTag)
    #expect(fresh.status == 201)
  }

  @Test func aGateOfTheProgramRefusesWith409InItsWords() async throws {
    let served = try await ServedLedger()
    let before = try served.head()
    let answer = try await served.post(
      "commands/revoke-override", #"{"org":"fabrikam","competency":"cloud-platform","effective":"2021-05-03"}"#,
      token: served.tokens["maria"])
    #expect(answer.status == 409)
    guard case .string(let detail)? = answer.json["detail"] else {
      Issue.record("no detail")
      return
    }
    #expect(detail.contains("cloud-platform"), "\(detail)")
    #expect(try served.head() == before)
  }

  @Test(arguments: [
    ("commands/override", #"{"org":"contoso"}"#, 400),
    (
      "commands/override",
      #"{"org":"contoso","competency":"cloud-platform","level":"gold","reason":"r","actor":"maria"}"#, 400
    ),
    ("commands/override", "[1]", 400),
    ("commands/override", "{", 400),
    ("commands/launch-rocket", "{}", 404),
  ])
  func aBodyOrNameTheLedgerCannotReadIsRefusedBeforeAnythingIsDecided(
    path: String, body: String, status: Int
  )
    async throws
  {
    let served = try await ServedLedger()
    let before = try served.head()
    let answer = try await served.post(path, body, token: served.tokens["maria"])
    #expect(answer.status == status, "\(String(decoding: answer.body, as: UTF8.self))")
    #expect(try served.head() == before)
  }
}
