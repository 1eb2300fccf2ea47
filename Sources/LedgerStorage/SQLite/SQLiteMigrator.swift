/// Brings a database's schema up to date by `PRAGMA user_version`: migration *n* (1-based)
/// runs once, in its own transaction, when the version is below *n*.
public struct SQLiteMigrator {
  /// One migration: SQL, or work that needs more than SQL (re-encoding rows), done through
  /// the connection inside the migration's transaction.
  public enum Step: Sendable {
    case sql(String)
    case code(@Sendable (SQLiteConnection) throws -> Void)
  }

  /// The migrations, in order; never edit one that has shipped, append a new one.
  public let migrations: [Step]

  /// Creates a migrator.
  public init(migrations: [Step]) {
    self.migrations = migrations
  }

  /// Applies the missing migrations; `announcing` hears the schema versions from and to
  /// before they run on a file that had a schema already (not on a new one).
  /// - Throws: ``SQLiteError``, or ``SchemaTooNew`` when the file was written by a newer ledger.
  public func migrate(
    _ connection: SQLiteConnection, announcing: (_ from: Int, _ to: Int) -> Void = { _, _ in }
  ) throws {
    let current = Int(try connection.integer("PRAGMA user_version") ?? 0)
    guard current <= migrations.count else {
      throw SchemaTooNew(path: connection.path, version: current, supported: migrations.count)
    }
    guard current < migrations.count else { return }
    try connection.immediateTransaction {
      // Re-read inside the write lock: another process may have migrated meanwhile.
      let locked = Int(try connection.integer("PRAGMA user_version") ?? 0)
      if locked > 0, locked < migrations.count { announcing(locked, migrations.count) }
      for (offset, step) in migrations.enumerated() where offset >= locked {
        switch step {
        case .sql(let sql): try connection.execute(sql)
        case .code(let work): try work(connection)
        }
      }
      try connection.execute("PRAGMA user_version = \(migrations.count)")
    }
  }

  /// A database whose schema is newer than this build understands.
  public struct SchemaTooNew: Error, CustomStringConvertible {
    /// The database file.
    public let path: String
    /// Its schema version.
    public let version: Int
    /// The newest version this build knows.
    public let supported: Int

    public var description: String {
      "\(path): schema version \(version) is newer than this ledger supports (\(supported)); use a newer ledger"
    }
  }
}
