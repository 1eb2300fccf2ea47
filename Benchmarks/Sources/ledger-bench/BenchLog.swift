import LedgerCore
import LedgerPostgres
import LedgerStorage

/// The log a workload runs on: a SQLite file, or a PostgreSQL database for a `postgres://` URL.
enum BenchLog {
  static func isServer(_ path: String) -> Bool { PostgresLocation.names(path) }

  static func open(_ path: String, writing: Bool, durability: Durability = .full) async throws -> any EventLog {
    if isServer(path) {
      let location = try PostgresLocation(path)
      return writing
        ? try await PostgresEventLog.connect(to: location) : try await PostgresEventLog.connect(readingAt: location)
    }
    return writing
      ? try SQLiteEventLog(path: path, durability: durability) : try SQLiteEventLog(path: path, create: false)
  }
}
