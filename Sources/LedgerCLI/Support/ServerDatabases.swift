public import LedgerCore

/// Logs on a database server (PostgreSQL), which `ledger-postgres` gives the commands: the
/// seam that keeps PostgresNIO out of `ledger`'s own build. `ledger` itself has none and, for
/// a `postgres://` database, runs `ledger-postgres` with the same arguments.
public protocol ServerDatabases: Sendable {
  /// Connects to the log at `url` for writing, migrating a new database when the role may.
  func openForWriting(_ url: String) async throws -> any EventLog
  /// Connects to the existing log at `url` only to read it.
  func openForReading(_ url: String) async throws -> any EventLog
  /// Brings the database at `url` to this ledger's schema, granting `role` SELECT and INSERT.
  func migrate(_ url: String, grantingTo role: String?) async throws
  /// What `error` (thrown by one of these) means, when it is the server's: whether the
  /// database is not a ledger this build can read (65) or the server failed or refused (74),
  /// and the line to print.
  func fault(of error: any Error) -> (isDataError: Bool, line: String)?
}

extension Ledger {
  /// The server databases the running program can open: none in `ledger`.
  @TaskLocal public static var serverDatabases: (any ServerDatabases)?

  /// Whether `location` (a `--db` value) names a server database rather than a file.
  static func namesServer(_ location: String) -> Bool {
    location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
  }
}
