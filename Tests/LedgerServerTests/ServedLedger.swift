import Foundation
import Hummingbird
import HummingbirdTesting
import LedgerCatalog
import LedgerCommands
import LedgerCore
import LedgerServer
import LedgerStorage
import LedgerTestSupport
import Logging

/// The demo's history in a temporary ledger with roles and bearer tokens, served on an
/// ephemeral port of 127.0.0.1 by the real server, whose day is 2021-06-01 unless told.
///
/// Roles (granted on 2020-01-06): `admin` Global admin of contoso, `account` MPN Account admin
/// of contoso, `fab-admin` Global admin of fabrikam, `maria` Microsoft agent, `audrey` auditor;
/// `ivy` and `alice` (an individual of the demo, linked to contoso) hold none. Each has a
/// token; `admin` also has a revoked one and an expired one.
final class ServedLedger: Sendable {
  static let catalogs = DemoWithRoles.catalogs
  static let today = Samples.date("2021-06-01")
  /// The server's day.
  let today: CivilDate
  static let actors = ["admin", "account", "fab-admin", "maria", "audrey", "ivy", "alice"]

  let ledger = TemporaryLedger()
  let tokens: [String: String]
  let revoked: String
  let expired: String
  let port: Int
  private let server: Task<Void, any Error>

  init(today: CivilDate = ServedLedger.today) async throws {
    self.today = today
    let log = try ledger.open()
    let handler = try await DemoWithRoles.load(into: log)
    func issue(_ actor: String, expires: String? = nil) async throws -> BearerToken {
      let token = BearerToken.generate(for: actor)
      _ = try await handler.execute(
        .issueToken(subject: actor, token: token.id, digest: token.digest, expires: expires.map(Samples.date)),
        by: "system", on: Samples.date("2021-01-04"))
      return token
    }
    var tokens: [String: String] = [:]
    for actor in Self.actors { tokens[actor] = try await issue(actor).text }
    self.tokens = tokens
    let revoked = try await issue("admin")
    _ = try await handler.execute(
      .revokeToken(subject: "admin", token: revoked.id), by: "system", on: Samples.date("2021-02-01"))
    self.revoked = revoked.text
    expired = try await issue("admin", expires: "2021-03-01").text

    let service = LedgerService(databasePath: ledger.path, catalogs: Self.catalogs, today: { today })
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let app = Application(
      router: service.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)),
      onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
      logger: Logger(label: "served-ledger", factory: { _ in SwiftLogNoOpLogHandler() }))
    server = Task { try await app.run() }
    var iterator = ports.makeAsyncIterator()
    port = await iterator.next() ?? 0
  }

  deinit { server.cancel() }

  /// A response as received.
  struct Answer {
    let status: Int
    let headers: [String: String]
    let body: Data

    /// The body as a JSON value.
    var json: JSONValue { (try? JSONParser.parse(Array(body))) ?? .null }
  }

  /// The URL of `path` on the server.
  func url(_ path: String) -> String { "http://127.0.0.1:\(port)/\(path)" }

  /// `GET path` with `token` as the bearer (none when `nil`).
  func get(_ path: String, token: String?) async throws -> Answer {
    var headers = HTTPFields()
    if let token { headers[.authorization] = "Bearer \(token)" }
    return try await answer(to: TestClient.Request("/\(path)", method: .get, headers: headers))
  }

  /// `POST path` with `body` (a JSON object's text), `token` as the bearer and `If-Match` when
  /// given.
  func post(_ path: String, _ body: String, token: String?, ifMatch: String? = nil) async throws -> Answer {
    var headers: HTTPFields = [.contentType: "application/json"]
    if let token { headers[.authorization] = "Bearer \(token)" }
    if let ifMatch { headers[.ifMatch] = ifMatch }
    return try await answer(
      to: TestClient.Request("/\(path)", method: .post, headers: headers, body: ByteBuffer(string: body)))
  }

  /// Sends `request` on a connection of its own. The client is SwiftNIO's, as the server is:
  /// Foundation's `URLSession` on Linux lets some of many concurrent requests time out
  /// (swiftlang/swift-corelibs-foundation#3287), which the suite's parallel tests hit.
  private func answer(to request: TestClient.Request) async throws -> Answer {
    let response = try await TestClient.withClient(
      host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(600))
    ) { client in try await client.execute(request) }
    var headers: [String: String] = [:]
    for field in response.headers {
      let name = field.name.canonicalName
      headers[name] = headers[name].map { "\($0), \(field.value)" } ?? field.value
    }
    return Answer(
      status: response.status.code, headers: headers,
      body: Data(response.body.map { Array($0.readableBytesView) } ?? []))
  }

  /// `GET path` as `actor`, with their token.
  func get(_ path: String, as actor: String) async throws -> Answer {
    try await get(path, token: tokens[actor]!)
  }

  /// The log's head position now.
  func head() throws -> Int64 { try SQLiteEventLog(readingAt: ledger.path).headPosition() }
}
