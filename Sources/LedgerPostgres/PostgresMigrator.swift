import Logging
import PostgresNIO

/// Brings a PostgreSQL database to the ledger's schema (``PostgresSchema/migrations``).
///
/// Every missing migration runs in one transaction, under an advisory lock, so several
/// processes writing to a fresh database at once migrate it once. A database holding other
/// tables and no ledger schema is refused untouched; one migrated by a newer ledger too.
struct PostgresMigrator {
  /// What the database holds.
  enum Kind: Equatable {
    /// No table in its schema: a first write makes it a ledger.
    case empty
    /// A ledger at this schema version.
    case ledger(version: Int)
    /// Another program's database.
    case other
  }

  let connection: PostgresConnection
  let location: PostgresLocation
  let logger: Logger

  /// Reads what the database holds, writing nothing.
  func kind() async throws -> Kind {
    do {
      let rows = try await connection.query(
        """
        SELECT to_regclass('ledger_schema') IS NOT NULL,
          (SELECT count(*) FROM pg_tables WHERE schemaname = current_schema())
        """, logger: logger
      ).collect()
      let (hasSchema, tables) = try rows[0].decode((Bool, Int64).self)
      guard hasSchema else { return tables == 0 ? .empty : .other }
      let version = try await connection.query("SELECT coalesce(max(version), 0) FROM ledger_schema", logger: logger)
        .collect()[0].decode(Int32.self)
      return .ledger(version: Int(version))
    } catch {
      throw PostgresFailure(doing: "reading \(location)'s schema", error: error)
    }
  }

  /// Applies the missing migrations; `grantingTo` (a role) is then granted what the ledger
  /// needs to run as it: SELECT and INSERT on the log's tables, nothing more, and all four on
  /// the derived tables (read models, delivery progress).
  /// - Throws: ``NotALedgerDatabase``, ``SchemaTooNew``, ``PostgresFailure``.
  func migrate(grantingTo role: String? = nil) async throws {
    switch try await kind() {
    case .other: throw NotALedgerDatabase(location: location)
    case .ledger(let version) where version > PostgresSchema.migrations.count:
      throw SchemaTooNew(location: location, version: version, supported: PostgresSchema.migrations.count)
    case .ledger(let version) where version == PostgresSchema.migrations.count && role == nil: return
    default: break
    }
    do {
      try await connection.query("BEGIN", logger: logger)
      do {
        try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock))", logger: logger)
        // Another process may have migrated while this one waited for the lock.
        let current: Int
        switch try await kind() {
        case .ledger(let version): current = version
        case .empty: current = 0
        case .other: throw NotALedgerDatabase(location: location)
        }
        for (index, statements) in PostgresSchema.migrations.enumerated() where index + 1 > current {
          for statement in statements {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
          }
          try await connection.query("INSERT INTO ledger_schema (version) VALUES (\(Int32(index + 1)))", logger: logger)
        }
        if let role { try await grant(to: role) }
        try await connection.query("COMMIT", logger: logger)
      } catch {
        _ = try? await connection.query("ROLLBACK", logger: logger)
        throw error
      }
    } catch let error as NotALedgerDatabase {
      throw error
    } catch {
      throw PostgresFailure(doing: "migrating \(location)", error: error)
    }
  }

  private func grant(to role: String) async throws {
    let quoted = Self.quoted(role)
    let tables = PostgresSchema.appendOnlyTables.joined(separator: ", ")
    let schema = try await connection.query("SELECT current_schema()", logger: logger).collect()[0].decode(String.self)
    try await connection.query(
      PostgresQuery(unsafeSQL: "GRANT USAGE ON SCHEMA \(Self.quoted(schema)) TO \(quoted)"), logger: logger)
    try await connection.query(
      PostgresQuery(unsafeSQL: "GRANT SELECT, INSERT ON \(tables) TO \(quoted)"), logger: logger)
    let derived = PostgresSchema.derivedTables.joined(separator: ", ")
    try await connection.query(
      PostgresQuery(unsafeSQL: "GRANT SELECT, INSERT, UPDATE, DELETE ON \(derived) TO \(quoted)"), logger: logger)
  }
}

extension PostgresMigrator {
  /// `name` as an SQL identifier.
  static func quoted(_ name: String) -> String {
    "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
  }
}

/// A PostgreSQL database that holds other tables and no ledger schema, or (read only) none at
/// all: left untouched.
public struct NotALedgerDatabase: Error, CustomStringConvertible {
  /// The database.
  public let location: PostgresLocation
  /// Whether it holds no table at all (a new database no ledger has written to yet).
  public var isEmpty = false

  public var description: String {
    isEmpty
      ? "\(location): no ledger in this database yet (it is empty); nothing was changed"
      : "\(location): not a ledger database (tables but no ledger schema in it); nothing was changed"
  }
}

/// A database migrated by a newer ledger than this one.
public struct SchemaTooNew: Error, CustomStringConvertible {
  /// The database.
  public let location: PostgresLocation
  /// Its schema version.
  public let version: Int
  /// The newest this ledger knows.
  public let supported: Int

  public var description: String {
    "\(location): schema version \(version) is newer than this ledger's \(supported); upgrade the ledger"
  }
}
