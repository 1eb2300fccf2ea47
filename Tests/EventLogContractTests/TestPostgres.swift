import Foundation
import LedgerPostgres
import Logging
import PostgresNIO
import Testing

/// The PostgreSQL server the tests use: `LEDGER_TEST_POSTGRES`, a URL to a database on a
/// throwaway cluster whose role may create databases (`tools/postgres/cluster start DIR`
/// starts one and prints it; `.ci/run` does so). Each store is a new database on it.
enum TestPostgres {
  /// The server's URL, when configured.
  static let url = ProcessInfo.processInfo.environment["LEDGER_TEST_POSTGRES"]

  /// Whether a server is configured.
  static var isConfigured: Bool { url != nil }

  /// Whether the PostgreSQL tests must run (in CI).
  static var isRequired: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

  /// What the tests say when no server is configured.
  static let absence: Comment =
    "no PostgreSQL server for the tests: set LEDGER_TEST_POSTGRES (tools/postgres/cluster start DIR prints it)"

  /// A new, empty database on the server.
  static func freshDatabase() async throws -> PostgresLocation {
    guard let url else { throw Unconfigured() }
    let server = try PostgresLocation(url)
    let name = "ledger_test_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))"
    try await run("CREATE DATABASE \(name)", on: server)
    return server.database(name)
  }

  /// Runs one statement on `location` as its role.
  static func run(_ sql: String, on location: PostgresLocation) async throws {
    let logger = Logger(label: "ledger.tests", factory: { _ in SwiftLogNoOpLogHandler() })
    let configuration: PostgresConnection.Configuration =
      location.host.hasPrefix("/")
      ? .init(
        unixSocketPath: "\(location.host)/.s.PGSQL.\(location.port)", username: location.user,
        password: location.password, database: location.database)
      : .init(
        host: location.host, port: location.port, username: location.user, password: location.password,
        database: location.database, tls: .disable)
    let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
    do {
      try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
    } catch {
      try? await connection.close()
      throw error
    }
    try await connection.close()
  }

  /// The server's own message in an error of PostgresNIO's (which prints a generic text).
  static func serverMessage(_ error: any Error) -> String {
    (error as? PSQLError)?.serverInfo?[.message] ?? "\(error)"
  }

  struct Unconfigured: Error, CustomStringConvertible {
    var description: String { "\(TestPostgres.absence)" }
  }
}

/// Says plainly, in every run, whether the PostgreSQL cases ran.
@Suite struct PostgresServerTests {
  @Test(.enabled(if: TestPostgres.isConfigured || TestPostgres.isRequired, TestPostgres.absence))
  func theConfiguredServerAcceptsANewLedgerDatabase() async throws {
    let location = try await TestPostgres.freshDatabase()
    let log = try await PostgresEventLog.connect(to: location)
    #expect(try await log.headPosition() == 0)
  }
}
