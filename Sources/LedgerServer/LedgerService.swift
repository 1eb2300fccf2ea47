import Foundation
public import Hummingbird
public import LedgerCatalog
public import LedgerCore
import LedgerStorage
import Logging
import Projections
public import Prometheus

/// The HTTP interface over one ledger file: its routes, and what every request shares.
///
/// Each request uses a connection of its own: a query's is opened only to read (and kept in a
/// pool for the next), so queries never wait on one another and can never write by mistake;
/// a command's is opened to write, and commands take turns at SQLite's write lock.
public struct LedgerService: Sendable {
  /// The ledger database.
  public let database: LedgerDatabase
  /// The rules.
  public let catalogs: CatalogHistory
  /// Today's date: the default as-of date of a question, and the day tokens and roles are
  /// judged on. The server reads the clock here; the answers themselves never do.
  public let today: @Sendable () -> CivilDate
  /// The web pages' sessions.
  let sessions = SessionStore()
  /// The read-only connections queries use.
  let readers: LogPool
  /// Organization answers given, by their full question (see ``AnswerCache``): the document's
  /// bytes and, for a status, its ETag.
  let answers = AnswerCache<(document: [UInt8], tag: String?)>(budget: LedgerService.answerBudget) {
    $0.document.count + 64
  }
  /// Who each token signed in, by token, head position and day.
  let principals = AnswerCache<Principal>(budget: 4 << 20) { 64 + $0.actor.utf8.count + 64 * $0.roles.holdings.count }
  /// How many bytes of answers the server keeps: 256 MiB. The newer of its two generations
  /// alone (128 MiB) holds the status of every organization of a 1M-event ledger (9,889 of
  /// 11 KB), so a fleet asked at random stays answered from memory.
  static let answerBudget = 256 << 20
  /// Where the process's metrics (swift-metrics, bootstrapped with a Prometheus factory over
  /// it) are collected, for `/metrics`; none: no such route, no request metrics.
  public let metrics: PrometheusCollectorRegistry?

  /// Creates the service over the SQLite ledger at `databasePath`.
  public init(
    databasePath: String, catalogs: CatalogHistory, metrics: PrometheusCollectorRegistry? = nil,
    today: @escaping @Sendable () -> CivilDate = { LedgerClock.system.now().day }
  ) {
    self.init(database: .sqlite(databasePath), catalogs: catalogs, metrics: metrics, today: today)
  }

  /// Creates the service over the ledger in `database`.
  public init(
    database: LedgerDatabase, catalogs: CatalogHistory, metrics: PrometheusCollectorRegistry? = nil,
    today: @escaping @Sendable () -> CivilDate = { LedgerClock.system.now().day }
  ) {
    self.metrics = metrics
    self.readers = LogPool(database: database)
    self.database = database
    self.catalogs = catalogs
    self.today = today
  }

  /// The routes: `/health` and `/ui/login` for anyone, the API for a bearer token, the pages
  /// under `/ui` for a signed-in session.
  public func router() -> Router<LedgerRequestContext> {
    let router = Router(context: LedgerRequestContext.self)
    // One log line per request (method, path, status, duration, the signed-in actor).
    router.add(middleware: LogRequestsMiddleware(.info))
    if let metrics { addMetricsRoute(to: router, registry: metrics) }
    router.get("openapi.json") { _, _ in
      Response(
        status: .ok, headers: [.contentType: "application/json"],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: Self.openAPIDocument)))
    }
    router.get("health") { _, _ in
      Response(
        status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
        body: ResponseBody(byteBuffer: ByteBuffer(string: "ok\n")))
    }
    let signedIn = router.group().add(middleware: BearerAuthentication(service: self))
    addOrganizationRoutes(to: signedIn)
    addFleetRoutes(to: signedIn)
    addAlertStreamRoute(to: signedIn)
    addCommandRoutes(to: signedIn)
    addPageRoutes(to: router)
    return router
  }

  /// The OpenAPI 3.1 document of the API, as bundled.
  static let openAPIDocument: [UInt8] = {
    guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
      let data = try? Data(contentsOf: url)
    else { fatalError("the build lacks its resource openapi.json") }
    return Array(data)
  }()

  /// Opens the ledger to write a command's event.
  /// - Throws: a 503 ``Problem`` when the file cannot be opened as a ledger for writing.
  func openLogForWriting() async throws -> any EventLog & ReadModelStore {
    do {
      return try await database.openWriter()
    } catch {
      throw Problem(.serviceUnavailable, "Ledger unavailable", detail: "\(database.name): \(error)")
    }
  }

  /// A connection to read the ledger, from the pool; give it back with ``returnLog(_:)``.
  /// - Throws: a 503 ``Problem`` when the file cannot be read as a ledger.
  func borrowLog() async throws -> any EventLog & ReadModelStore {
    do {
      return try await readers.borrow()
    } catch {
      throw Problem(.serviceUnavailable, "Ledger unavailable", detail: "\(database.name): \(error)")
    }
  }

  /// Gives a connection from ``borrowLog()`` back to the pool.
  func returnLog(_ log: any EventLog & ReadModelStore) { readers.giveBack(log) }

}
