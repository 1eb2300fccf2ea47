import ArgumentParser
import Foundation
import Hummingbird
import LedgerCatalog
import LedgerCore
import LedgerPostgres
import LedgerServer
import LedgerStorage
import Logging
import Metrics
import Prometheus

/// `ledger-server` (run as `ledger serve`): the HTTP API over one ledger file.
@main
struct LedgerServerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ledger serve",
    abstract: "Serve the ledger's HTTP API (bearer tokens from `ledger token issue`).",
    discussion: """
      Answers the queries the CLI answers, as JSON, to actors signed in with a bearer token, each \
      seeing only what their roles allow. Stops gracefully on SIGINT or SIGTERM: requests in \
      flight finish. Logs go to stderr (LOG_LEVEL sets the level: info by default). See \
      docs/server.md.
      """)

  @Option(
    name: .customLong("db"),
    help: ArgumentHelp(
      "The ledger database: a SQLite file, or a postgres:// URL.",
      discussion: "Default: $LEDGER_DB, else ./ledger.sqlite."
    ))
  var path: String?

  @Option(help: "The address to listen on.") var host = "127.0.0.1"
  @Option(help: "The port to listen on (0: any free port, printed when listening).") var port = 8080

  func run() async throws {
    let path = path ?? ProcessInfo.processInfo.environment["LEDGER_DB"] ?? "ledger.sqlite"
    let database: LedgerDatabase
    if PostgresLocation.names(path) {
      database = try await Self.postgres(path)
    } else {
      guard FileManager.default.fileExists(atPath: path) else {
        FileHandle.standardError.write(Data("\(path): no such ledger database\n".utf8))
        throw ExitCode(66)
      }
      do {
        database = try .migratedSQLite(path)
      } catch {
        // A file that is not a ledger, or holds a row the migration cannot take, is a data
        // error (65); anything else, the storage failing (74).
        FileHandle.standardError.write(Data("\(path): \(error)\n".utf8))
        throw ExitCode(
          error is StoredDataError || error is NotALedger || error is SQLiteMigrator.SchemaTooNew ? 65 : 74)
      }
    }
    var logger = Logger(label: "ledger-server")
    logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
    let registry = PrometheusCollectorRegistry()
    MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
    let service = LedgerService(database: database, catalogs: try CatalogLoader.bundled(), metrics: registry)
    let app = Application(
      router: service.router(), configuration: .init(address: .hostname(host, port: port), serverName: "ledger"),
      onServerRunning: { channel in
        let bound = channel.localAddress?.port ?? port
        FileHandle.standardOutput.write(Data("listening on http://\(host):\(bound)\n".utf8))
      }, logger: logger)
    try await app.runService()
  }

  /// The PostgreSQL ledger at `url`, checked once before serving (a URL that is not usable,
  /// a database that is not a ledger, or a server that cannot be reached exits 64, 65 or 74
  /// with the reason).
  static func postgres(_ url: String) async throws -> LedgerDatabase {
    do {
      let location = try PostgresLocation(url)
      _ = try await PostgresEventLog.connect(readingAt: location)
      return LedgerDatabase(
        name: location.description, reader: { try await PostgresEventLog.connect(readingAt: location) },
        writer: { try await PostgresEventLog.connect(to: location) })
    } catch let invalid as InvalidDatabaseURL {
      FileHandle.standardError.write(Data("\(invalid)\n".utf8))
      throw ExitCode(64)
    } catch let failure as PostgresFailure {
      FileHandle.standardError.write(Data("\(failure)\n".utf8))
      throw ExitCode(74)
    } catch {
      FileHandle.standardError.write(Data("\(error)\n".utf8))
      throw ExitCode(65)
    }
  }
}
