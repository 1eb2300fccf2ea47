import LedgerCLI
import LedgerCore
import LedgerPostgres

/// The PostgreSQL backend as the commands open it.
struct PostgresDatabases: ServerDatabases {
  func openForWriting(_ url: String) async throws -> any EventLog {
    try await PostgresEventLog.connect(to: try PostgresLocation(url))
  }

  func openForReading(_ url: String) async throws -> any EventLog {
    try await PostgresEventLog.connect(readingAt: try PostgresLocation(url))
  }

  func migrate(_ url: String, grantingTo role: String?) async throws {
    try await PostgresEventLog.migrate(try PostgresLocation(url), grantingTo: role)
  }

  func fault(of error: any Error) -> (kind: ServerFault, line: String)? {
    switch error {
    case let invalid as InvalidDatabaseURL: (.usage, invalid.description)
    case let failure as PostgresFailure: (.storage, failure.description)
    case let notLedger as NotALedgerDatabase: (.data, notLedger.description)
    case let tooNew as SchemaTooNew: (.data, tooNew.description)
    default: nil
    }
  }
}
