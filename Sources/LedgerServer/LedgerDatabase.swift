import Foundation
public import LedgerCore
import LedgerStorage

/// The ledger a server answers from, and how it opens connections to it: a SQLite file by
/// default; `ledger-server` makes one for a PostgreSQL database, so this module needs no
/// backend beyond the embedded one.
public struct LedgerDatabase: Sendable {
  /// The file or URL, for messages.
  public let name: String
  /// Opens a connection only to read.
  let openReader: @Sendable () async throws -> any EventLog & ReadModelStore
  /// Opens a connection to write (commands, read models).
  let openWriter: @Sendable () async throws -> any EventLog & ReadModelStore

  /// A database opened by `reader` and `writer`, named `name` in messages.
  public init(
    name: String, reader: @escaping @Sendable () async throws -> any EventLog & ReadModelStore,
    writer: @escaping @Sendable () async throws -> any EventLog & ReadModelStore
  ) {
    self.name = name
    self.openReader = reader
    self.openWriter = writer
  }

  /// The SQLite file at `path`, first brought to this build's schema when it may be written,
  /// after saying so on standard error: the connections a server keeps for reading keep the
  /// row layout they opened with, so no migration may happen under them.
  /// - Throws: what opening the file for writing throws (``StoredDataError`` for a row
  ///   migration 8 cannot hold, ``SQLiteError``).
  public static func migratedSQLite(_ path: String) throws -> LedgerDatabase {
    if FileManager.default.isWritableFile(atPath: path) {
      _ = try SQLiteEventLog(path: path, create: false) { from, to in
        FileHandle.standardError.write(
          Data((SQLiteEventLog.migrationNotice(path: path, from: from, to: to) + "\n").utf8))
      }
    }
    return sqlite(path)
  }

  /// The SQLite file at `path`.
  public static func sqlite(_ path: String) -> LedgerDatabase {
    LedgerDatabase(
      name: path, reader: { try SQLiteEventLog(readingAt: path) },
      writer: { try SQLiteEventLog(path: path, create: false) })
  }
}
