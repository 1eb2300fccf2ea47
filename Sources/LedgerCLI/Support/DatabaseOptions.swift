import ArgumentParser
import Foundation
import LedgerCore
import LedgerStorage

/// The `--db` option every command takes.
struct DatabaseOptions: ParsableArguments {
  @Option(
    name: .customLong("db"),
    help: ArgumentHelp(
      "The ledger database: a SQLite file, or a postgres:// URL.",
      discussion: "Default: $LEDGER_DB, else ./ledger.sqlite."))
  var path: String?

  init() {}

  init(path: String) { self.path = path }

  /// The file to use: `--db`, else `$LEDGER_DB`, else `./ledger.sqlite`.
  var resolvedPath: String {
    path ?? ProcessInfo.processInfo.environment["LEDGER_DB"] ?? "ledger.sqlite"
  }

  /// Whether the database is on a server (`postgres://…`) rather than a file.
  var isServer: Bool { Ledger.namesServer(resolvedPath) }

  /// Opens the log for writing on any backend (the commands that run on every backend),
  /// creating a SQLite file or migrating a new server database when missing.
  func openLogForWriting(durability: Durability = .full) async throws -> any EventLog {
    try await Self.openLog(at: resolvedPath, writing: true, durability: durability)
  }

  /// Opens an existing log only to read it, on any backend.
  func openLogForReading() async throws -> any EventLog {
    try await Self.openLog(at: resolvedPath, writing: false)
  }

  /// Opens an existing log with what is kept beside it (the read models, the sinks'
  /// progress), to write them: what `project` and `notify` work on, on any backend.
  func openKeeper() async throws -> any EventLog & ReadModelStore & DeliveryProgress {
    guard isServer else { return try openExistingForWriting() }
    guard let keeper = try await openLogForWriting() as? any EventLog & ReadModelStore & DeliveryProgress else {
      throw CommandFailure(status: .software, lines: ["\(resolvedPath): this backend keeps no read models"])
    }
    return keeper
  }

  /// Opens the log to prove what it holds (`prove`), or, `writing`, to record a checkpoint
  /// (an existing one), on any backend.
  func openProvable(writing: Bool) async throws -> any ProvableLog {
    let log: any EventLog =
      writing
      ? (isServer ? try await openLogForWriting() : try openExistingForWriting()) : try await openLogForReading()
    guard let provable = log as? any ProvableLog else {
      throw CommandFailure(status: .software, lines: ["\(resolvedPath): this backend keeps no Merkle proofs"])
    }
    return provable
  }

  /// Opens the log at `location` (a file or a server URL) to write (creating or migrating
  /// it) or only to read an existing one.
  static func openLog(
    at location: String, writing: Bool, durability: Durability = .full
  ) async throws
    -> any EventLog
  {
    guard Ledger.namesServer(location) else {
      let options = DatabaseOptions(path: location)
      return writing ? try options.openForWriting(durability: durability) : try options.openForReading()
    }
    let server = try serverDatabases()
    do {
      return writing ? try await server.openForWriting(location) : try await server.openForReading(location)
    } catch {
      throw CommandFailure.storage(error, path: location)
    }
  }

  /// This program's server databases (`ledger` has none: it hands a command naming one over
  /// to `ledger-postgres` before running it).
  static func serverDatabases() throws -> any ServerDatabases {
    guard let server = Ledger.serverDatabases else {
      throw CommandFailure(status: .software, lines: ["this program cannot open a server database"])
    }
    return server
  }

  /// Opens the log for writing, creating the database when missing.
  func openForWriting(durability: Durability = .full) throws -> SQLiteEventLog {
    try Self.openForWriting(path: resolvedPath, durability: durability)
  }

  /// Opens an existing log only to read it (nothing is written, not even a migration); a
  /// missing file exits 66, a file that is not a ledger 65.
  func openForReading() throws -> SQLiteEventLog {
    try requireFile()
    try requireExisting()
    do {
      return try SQLiteEventLog(readingAt: resolvedPath)
    } catch {
      throw CommandFailure.storage(error, path: resolvedPath)
    }
  }

  /// Opens an existing log to write beside reading it (notify's progress); a missing file
  /// exits 66.
  func openExistingForWriting() throws -> SQLiteEventLog {
    try requireFile()
    try requireExisting()
    do {
      return try SQLiteEventLog(path: resolvedPath, create: false, migrating: Self.announceMigration(of: resolvedPath))
    } catch {
      throw CommandFailure.storage(error, path: resolvedPath)
    }
  }

  /// Opens an existing log to answer from: for writing when the file may be written, so a
  /// query can bring the read models up to date first; else only to read (an archive).
  func openForAnswering() throws -> SQLiteEventLog {
    let reader = try openForReading()  // a file that is not a ledger is refused unchanged
    return FileManager.default.isWritableFile(atPath: resolvedPath) ? try openExistingForWriting() : reader
  }

  /// Refuses a server database to a command that runs only on a SQLite file so far.
  private func requireFile() throws { try Self.requireFile(resolvedPath) }

  /// Refuses a server database at `location` to a command that runs only on a SQLite file.
  private static func requireFile(_ location: String) throws {
    guard Ledger.namesServer(location) else { return }
    let command = CommandLine.arguments.dropFirst().first ?? "this command"
    throw CommandFailure(
      status: .refused,
      lines: [
        "ledger \(command) runs only on a SQLite ledger so far; on PostgreSQL: \(Self.serverCommands) (docs/postgres.md)"
      ])
  }

  /// The commands that run on a PostgreSQL ledger.
  static let serverCommands =
    "every command but demo (docs/postgres.md)"

  private func requireExisting() throws {
    guard FileManager.default.fileExists(atPath: resolvedPath) else {
      throw CommandFailure(status: .noInput, lines: ["\(resolvedPath): no such ledger database"])
    }
  }

  /// Opens the log at `path` for writing, creating the database when missing.
  static func openForWriting(path: String, durability: Durability = .full) throws -> SQLiteEventLog {
    try requireFile(path)
    do {
      return try SQLiteEventLog(
        path: path, create: true, durability: durability, migrating: announceMigration(of: path))
    } catch {
      throw CommandFailure.storage(error, path: path)
    }
  }

  /// Says on standard error that the file at `path` is being migrated, before the work: a
  /// migration that rewrites every event row (schema 8) takes about a minute per 10 million
  /// events, which a command should not spend in silence.
  static func announceMigration(of path: String) -> (Int, Int) -> Void {
    { from, to in
      FileHandle.standardError.write(Data((SQLiteEventLog.migrationNotice(path: path, from: from, to: to) + "\n").utf8))
    }
  }
}
