import Foundation
import LedgerCore
import LedgerQueries
import LedgerStorage
import LedgerTestSupport
import Testing

/// `GET /alerts/stream`: every due alert the caller may read, in delivery order, with
/// notify's ids; then what arrives; and after a reconnection with `Last-Event-ID`, what came
/// after it.
struct AlertStreamTests {
  /// The ids of the alerts due through the server's day, as a replay of every organization
  /// gives them (not the read models the stream uses).
  static func replayedIDs(_ served: ServedLedger, org: String? = nil) async throws -> [String] {
    let log = try SQLiteEventLog(readingAt: served.ledger.path)
    return try await AlertFeed(log: log, catalogs: ServedLedger.catalogs)
      .alerts(org: org, through: ServedLedger.today, knownAt: log.headPosition()).map(\.id)
  }

  /// The ids of the alerts among `events`, from their documents; each event's own id must
  /// end with it.
  static func alertIDs(_ events: [EventStreamClient.Event]) -> [String] {
    events.filter { $0.type == "alert" }.compactMap { event in
      guard case .string(let id)? = (try? JSONParser.parse(Array(event.data.utf8)))?["id"] else { return nil }
      #expect(event.id.hasSuffix("." + id))
      return id
    }
  }

  @Test func theStreamSendsEveryDueAlertInOrderThenWhatArrives() async throws {
    let served = try await ServedLedger()
    let stream = try EventStreamClient(
      served.url("alerts/stream"), token: served.tokens["maria"]!, in: served.ledger.directory)
    let first = try #require(try await stream.events(throughPass: 1))
    let expected = try await Self.replayedIDs(served)
    #expect(!expected.isEmpty)
    #expect(Self.alertIDs(first) == expected)
    _ = try served.ledger.open().append(Samples.alertingOrganizations(1))
    let second = try #require(try await stream.events(throughPass: 2))
    let arrived = Self.alertIDs(Array(second[first.count...]))
    #expect(arrived == (try await Self.replayedIDs(served, org: "org-0")))
    #expect(arrived.count == 4)
  }

  @Test func aReconnectionWithLastEventIDGetsOnlyWhatCameAfter() async throws {
    let served = try await ServedLedger()
    let resumeAt: String
    do {
      let stream = try EventStreamClient(
        served.url("alerts/stream"), token: served.tokens["maria"]!, in: served.ledger.directory)
      resumeAt = try #require(try await stream.events(throughPass: 1)?.last?.id)
    }
    _ = try served.ledger.open().append(Samples.alertingOrganizations(1))
    let resumed = try EventStreamClient(
      served.url("alerts/stream"), token: served.tokens["maria"]!, lastEventID: resumeAt,
      in: served.ledger.directory)
    let events = try #require(try await resumed.events(throughPass: 1))
    #expect(Self.alertIDs(events) == (try await Self.replayedIDs(served, org: "org-0")))
  }

  @Test func anAdministratorsStreamHoldsOnlyTheirOrganization() async throws {
    let served = try await ServedLedger()
    let stream = try EventStreamClient(
      served.url("alerts/stream"), token: served.tokens["admin"]!, in: served.ledger.directory)
    let events = try #require(try await stream.events(throughPass: 1))
    #expect(Self.alertIDs(events) == (try await Self.replayedIDs(served, org: "contoso")))
    #expect(try await served.get("alerts/stream", as: "ivy").status == 403)
    #expect(try await served.get("alerts/stream", token: nil).status == 401)
    #expect(try await served.get("alerts/stream?org=fabrikam", as: "admin").status == 403)
  }
}
