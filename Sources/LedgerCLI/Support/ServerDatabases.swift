import ArgumentParser
import Foundation
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
  /// What `error` (thrown by one of these) means, when it is the server's, and the line to
  /// print.
  func fault(of error: any Error) -> (kind: ServerFault, line: String)?
}

/// What kind of fault a server database's error is, for its exit code.
public enum ServerFault: Sendable {
  /// The database URL is not usable (64).
  case usage
  /// The database is not a ledger this build can read (65).
  case data
  /// The server failed or refused (74).
  case storage
}

extension Ledger {
  /// The server databases the running program can open: none in `ledger`.
  @TaskLocal public static var serverDatabases: (any ServerDatabases)?

  /// Whether `location` (a `--db` value) names a server database rather than a file.
  static func namesServer(_ location: String) -> Bool {
    location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
  }

  /// In a program without server databases (`ledger`), replaces this process with
  /// `ledger-postgres` when the command names one (`--db`, `$LEDGER_DB`, or an argument such
  /// as `copy`'s), before anything is read: standard input, for one, reaches it whole.
  public static func handOverToServerProgramIfNeeded() {
    let (arguments, environment) = (CommandLine.arguments, ProcessInfo.processInfo.environment)
    guard serverDatabases == nil else { return }
    let named = arguments.dropFirst().contains { namesServer($0) || namesServer($0.replacing("--db=", with: "")) }
    guard named || environment["LEDGER_DB"].map(namesServer) == true else { return }
    do {
      try SiblingProgram(name: "ledger-postgres").exec(Array(arguments.dropFirst()))
    } catch let failure as CommandFailure {
      Self.exit(withError: failure.report())
    } catch {
      Self.exit(withError: error)
    }
  }
}
