import LedgerCore
import LedgerPostgres
import LedgerStorage
import LedgerTestSupport
import Testing

/// A backend the log contract runs on: how to make a fresh, empty log and open connections
/// to it. A new backend adds itself to ``all`` and must pass every contract test unchanged.
struct LogBackend: Sendable, CustomTestStringConvertible {
  /// One fresh log for one test.
  struct Store: Sendable {
    /// Opens a new connection to the log, recording instants from `clock`.
    let connect: @Sendable (_ clock: LedgerClock) async throws -> any EventLog
    /// The `ledger` options that select this log (`--db PATH` or `--db postgres://…`).
    let databaseArguments: [String]
    /// Keeps the store's resources (a temporary directory) alive as long as the store.
    let owner: any Sendable
  }

  let name: String
  let makeStore: @Sendable () async throws -> Store

  var testDescription: String { name }

  /// The embedded default: one SQLite file in a temporary directory.
  static let sqlite = LogBackend(name: "SQLite") {
    let ledger = TemporaryLedger()
    return Store(
      connect: { clock in try SQLiteEventLog(path: ledger.path, clock: clock) },
      databaseArguments: ["--db", ledger.path],
      owner: ledger)
  }

  /// A PostgreSQL server: a new database on the server `LEDGER_TEST_POSTGRES` names.
  static let postgres = LogBackend(name: "PostgreSQL") {
    let location = try await TestPostgres.freshDatabase()
    return Store(
      connect: { clock in try await PostgresEventLog.connect(to: location, clock: clock) },
      databaseArguments: ["--db", location.description],
      owner: location)
  }

  /// Every backend the contract runs on: PostgreSQL when a server is configured, and always
  /// in CI (where a missing server then fails every PostgreSQL case, naming the variable).
  static let all: [LogBackend] = [.sqlite] + (TestPostgres.isConfigured || TestPostgres.isRequired ? [.postgres] : [])
}

extension LogBackend.Store {
  /// A new connection recording instants from `clock` (by default a test clock that steps
  /// forward).
  func open(_ clock: LedgerClock = SteppingClock().clock) async throws -> any EventLog { try await connect(clock) }
}
