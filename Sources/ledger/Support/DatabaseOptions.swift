import ArgumentParser
import Foundation
import LedgerCore
import LedgerStorage

/// The `--db` option every command takes.
struct DatabaseOptions: ParsableArguments {
  @Option(
    name: .customLong("db"),
    help: ArgumentHelp("The ledger database file.", discussion: "Default: $LEDGER_DB, else ./ledger.sqlite."))
  var path: String?

  /// The file to use: `--db`, else `$LEDGER_DB`, else `./ledger.sqlite`.
  var resolvedPath: String {
    path ?? ProcessInfo.processInfo.environment["LEDGER_DB"] ?? "ledger.sqlite"
  }

  /// Opens the log for writing, creating the database when missing.
  func openForWriting(durability: Durability = .full) throws -> SQLiteEventLog {
    try Self.openForWriting(path: resolvedPath, durability: durability)
  }

  /// Opens an existing log only to read it (nothing is written, not even a migration); a
  /// missing file exits 66, a file that is not a ledger 65.
  func openForReading() throws -> SQLiteEventLog {
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
    try requireExisting()
    do {
      return try SQLiteEventLog(path: resolvedPath, create: false)
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

  private func requireExisting() throws {
    guard FileManager.default.fileExists(atPath: resolvedPath) else {
      throw CommandFailure(status: .noInput, lines: ["\(resolvedPath): no such ledger database"])
    }
  }

  /// Opens the log at `path` for writing, creating the database when missing.
  static func openForWriting(path: String, durability: Durability = .full) throws -> SQLiteEventLog {
    do {
      return try SQLiteEventLog(path: path, create: true, durability: durability)
    } catch {
      throw CommandFailure.storage(error, path: path)
    }
  }
}
