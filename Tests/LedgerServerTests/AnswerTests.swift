import Foundation
import LedgerCatalog
import LedgerCommands
import LedgerCore
import LedgerPresentation
import LedgerQueries
import LedgerStorage
import LedgerTestSupport
import Projections
import Testing

/// The server answers with the documents the CLI prints: the same query, the same rendering,
/// the same ground (position and root hash), for any as-of day and known-at position.
struct AnswerTests {
  @Test(arguments: [("2020-07-01", nil), ("2021-03-31", nil), ("2020-07-01", 40)] as [(String, Int64?)])
  func theStatusIsTheDocumentTheCLIPrints(asOf: String, knownAt: Int64?) async throws {
    let served = try await ServedLedger()
    let log = try SQLiteEventLog(readingAt: served.ledger.path)
    let position = try knownAt ?? log.headPosition()
    let status = try await OrganizationQuery(log: log, catalogs: ServedLedger.catalogs)
      .status(of: "contoso", asOf: try CivilDate(parsing: asOf), knownAt: position)
    let expected = try await AnswerGround(log: log, position: position)
      .adding(to: StatusDocument.json(status, knownAtPosition: position))
    let query = "asOf=\(asOf)" + (knownAt.map { "&knownAtPosition=\($0)" } ?? "")
    let answer = try await served.get("organizations/contoso/status?\(query)", as: "audrey")
    #expect(answer.status == 200)
    #expect(answer.body == Data(expected.canonicalBytes))
  }

  /// Answers are kept by their whole question, the head included: asked again they are the
  /// same bytes, and after a new event the same question is answered anew.
  @Test func aKeptAnswerNeverOutlivesTheHeadItWasGivenAt() async throws {
    let served = try await ServedLedger()
    let path = "organizations/contoso/status?asOf=2021-05-10"
    let first = try await served.get(path, as: "maria")
    #expect(try await served.get(path, as: "maria").body == first.body)
    let placed = try await served.post(
      "commands/override",
      #"{"org":"contoso","competency":"application-development","level":"gold","reason":"r","effective":"2021-05-03"}"#,
      token: served.tokens["maria"])
    #expect(placed.status == 201)
    let after = try await served.get(path, as: "maria")
    #expect(after.body != first.body)
    #expect(after.headers["etag"] != first.headers["etag"])
    let log = try SQLiteEventLog(readingAt: served.ledger.path)
    let status = try await OrganizationQuery(log: log, catalogs: ServedLedger.catalogs)
      .status(of: "contoso", asOf: Samples.date("2021-05-10"), knownAt: log.headPosition())
    #expect(status.competencies.first { $0.competency == "application-development" }?.override?.level == .gold)
    let expected = try await AnswerGround(log: log, position: log.headPosition())
      .adding(to: StatusDocument.json(status, knownAtPosition: try log.headPosition()))
    #expect(after.body == Data(expected.canonicalBytes))
  }

  @Test func anIndividualSeesTheirCredentialsAndWhereTheyAreLinked() async throws {
    let served = try await ServedLedger()
    let before = try await served.get("individuals/alice?asOf=2020-01-31", as: "alice").json
    #expect(before["org"] == .null, "alice linked her certifications to contoso on 2020-02-03")
    let record = try await served.get("individuals/alice?asOf=2021-06-01", as: "alice").json
    #expect(record["org"] == .string("contoso"))
    guard case .array(let credentials)? = record["credentials"] else {
      Issue.record("no credentials")
      return
    }
    #expect(credentials.first?["credential"] == .string("70-533"))
    #expect(credentials.first?["earned"] == .string("2019-11-12"))
    #expect(credentials.first?["event"] == .string("demo-003"))
    #expect(try await served.get("individuals/bob", as: "alice").status == 403)
  }

  @Test func anIdWithSpacesAndSlashesIsOnePercentEncodedSegment() async throws {
    let served = try await ServedLedger()
    _ = try served.ledger.open().append([
      ProposedEvent(
        effective: Samples.date("2021-01-04"),
        event: .organizationEnrolled(OrganizationEnrolled(org: "acme eu/west", name: "Acme EU")))
    ])
    let answer = try await served.get("organizations/acme%20eu%2Fwest/status?asOf=2021-02-01", as: "maria")
    #expect(answer.status == 200)
    #expect(answer.json["org"] == .string("acme eu/west"))
  }

  @Test func theFleetsAlertsAtTheHeadComeFromReadModelsCaughtUpFirst() async throws {
    let served = try await ServedLedger()
    let reader = try SQLiteEventLog(readingAt: served.ledger.path)
    let projector = Projector(log: reader, catalogs: ServedLedger.catalogs)
    #expect(try await !projector.isCurrent(at: reader.headPosition()))
    let answer = try await served.get("alerts?to=\(ServedLedger.today)", as: "maria")
    guard case .array(let alerts)? = answer.json["alerts"] else {
      Issue.record("no alerts")
      return
    }
    let ids = alerts.compactMap { alert -> String? in if case .string(let id)? = alert["id"] { id } else { nil } }
    #expect(ids == (try await AlertStreamTests.replayedIDs(served)))
    #expect(try await projector.isCurrent(at: reader.headPosition()))
  }

  @Test func questionsTheLedgerCannotReadAreProblemsInItsWords() async throws {
    let served = try await ServedLedger()
    let cases: [(path: String, status: Int, detail: String)] = [
      ("organizations/contoso/status?asOf=2021-02-30", 400, "asOf=2021-02-30: "),
      ("organizations/contoso/status?knownAtPosition=-1", 400, "knownAtPosition=-1: expected a position, 0 or more"),
      ("organizations/contoso/status?knownAtPosition=1&knownAt=2021-01-01", 400, "give knownAtPosition or knownAt"),
      ("alerts?from=2021-02-01&to=2021-01-01", 400, "from 2021-02-01 is after to 2021-01-01"),
      ("organizations/nobody/status", 404, "no event names organization \"nobody\""),
      ("organizations/contoso/explain/no-such-thing", 404, "\"no-such-thing\" is neither a competency"),
    ]
    for (path, status, detail) in cases {
      let answer = try await served.get(path, as: "maria")
      #expect(answer.status == status, "\(path)")
      #expect(answer.headers["content-type"] == "application/problem+json")
      guard case .string(let text)? = answer.json["detail"] else {
        Issue.record("\(path): no detail")
        continue
      }
      #expect(text.hasPrefix(detail), "\(path): \(text)")
      #expect(answer.json["status"] == .number(Decimal(status)))
    }
  }

  @Test func aTokenRevokedWhileTheServerRunsIsRefusedOnTheNextRequest() async throws {
    let served = try await ServedLedger()
    #expect(try await served.get("catalog", as: "ivy").status == 200)
    let log = try served.ledger.open()
    let handler = CommandHandler(log: log, catalogs: ServedLedger.catalogs)
    let id = try #require(BearerToken(parsing: served.tokens["ivy"]!)).id
    _ = try await handler.execute(.revokeToken(subject: "ivy", token: id), by: "system", on: ServedLedger.today)
    #expect(try await served.get("catalog", as: "ivy").status == 401)
  }
}
