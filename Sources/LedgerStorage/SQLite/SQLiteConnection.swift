import CSQLite

/// One connection to an SQLite database file, used from one thread at a time, with a cache
/// of prepared statements keyed by their SQL.
public final class SQLiteConnection {
  let handle: OpaquePointer
  /// The database file's path.
  public let path: String
  private var statements: [String: SQLiteStatement] = [:]

  /// How to open the file.
  public enum OpenMode: Sendable {
    /// Read and write; create the file when it is missing.
    case create
    /// Read and write an existing file; fail when it is missing.
    case existing
    /// Read an existing file; nothing is ever written to it.
    case readOnly
    /// Read an existing file that nothing writes while it is open (an archive on read-only
    /// media): SQLite then needs no lock files beside it.
    case immutable
  }

  /// SQLite's process-wide settings, made once before the first connection opens.
  private static let configured: Void = { _ = csqlite_disable_memory_statistics() }()

  /// Opens (or creates) the database at `path`.
  /// - Throws: ``SQLiteError`` when the file cannot be opened.
  public init(path: String, mode: OpenMode) throws(SQLiteError) {
    _ = Self.configured
    var db: OpaquePointer?
    var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
    var name = path
    switch mode {
    case .create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
    case .existing: flags |= SQLITE_OPEN_READWRITE
    case .readOnly: flags |= SQLITE_OPEN_READONLY
    case .immutable:
      flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
      name = "file:" + Self.percentEncoded(path) + "?immutable=1"
    }
    let code = sqlite3_open_v2(name, &db, flags, nil)
    guard code == SQLITE_OK, let db else {
      let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
      sqlite3_close_v2(db)
      throw SQLiteError(code: code, message: message)
    }
    self.handle = db
    self.path = path
  }

  deinit {
    statements.removeAll()
    sqlite3_close_v2(handle)
  }

  /// `path` with every byte but unreserved ones percent-encoded, for a `file:` URI.
  static func percentEncoded(_ path: String) -> String {
    var out = ""
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "_"),
        UInt8(ascii: "."), UInt8(ascii: "~"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        out += "%" + String(byte, radix: 16, uppercase: true).leftPadded()
      }
    }
    return out
  }

  func error(code: Int32, sql: String?) -> SQLiteError {
    SQLiteError(code: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)), sql: sql)
      .withFallback(code: code)
  }

  /// Runs one or more statements that return no rows.
  /// - Throws: ``SQLiteError`` naming the SQL.
  public func execute(_ sql: String) throws(SQLiteError) {
    let code = sqlite3_exec(handle, sql, nil, nil, nil)
    guard code == SQLITE_OK else { throw error(code: code, sql: sql) }
  }

  /// The cached prepared statement for `sql`, reset and ready to bind.
  /// - Throws: ``SQLiteError`` when the SQL does not compile.
  public func statement(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
    if let cached = statements[sql] { return cached }
    let statement = try SQLiteStatement(connection: self, sql: sql)
    statements[sql] = statement
    return statement
  }

  /// The single integer a query returns, or `nil` when it returns no row or NULL.
  public func integer(_ sql: String) throws(SQLiteError) -> Int64? {
    let statement = try statement(sql)
    defer { statement.reset() }
    guard try statement.step(), !statement.isNull(0) else { return nil }
    return statement.int64(0)
  }

  /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`, rolling back when it throws; inside a
  /// transaction already open, inside a savepoint of it (so an inner failure undoes only
  /// the inner work, and nothing is durable before the outer commit).
  ///
  /// `IMMEDIATE` takes the write lock up front, so two writers queue on the busy timeout
  /// instead of failing halfway.
  public func immediateTransaction<T>(_ body: () throws -> T) throws -> T {
    let nested = try beginUnit()
    do {
      let result = try body()
      try commitUnit(nested: nested)
      return result
    } catch {
      rollBackUnit(nested: nested)
      throw error
    }
  }

  /// ``immediateTransaction(_:)`` around an async body (which must not hand the connection
  /// to another task).
  public func immediateTransaction<T>(_ body: () async throws -> T) async throws -> T {
    let nested = try beginUnit()
    do {
      let result = try await body()
      try commitUnit(nested: nested)
      return result
    } catch {
      rollBackUnit(nested: nested)
      throw error
    }
  }

  /// Opens a unit of work: a transaction, or a savepoint inside the open one.
  /// - Returns: whether it is a savepoint.
  private func beginUnit() throws -> Bool {
    let nested = sqlite3_get_autocommit(handle) == 0
    try execute(nested ? "SAVEPOINT inner" : "BEGIN IMMEDIATE")
    return nested
  }

  private func commitUnit(nested: Bool) throws {
    try execute(nested ? "RELEASE inner" : "COMMIT")
  }

  private func rollBackUnit(nested: Bool) {
    if nested {
      try? execute("ROLLBACK TO inner")
      try? execute("RELEASE inner")
    } else {
      try? execute("ROLLBACK")
    }
  }

  /// How long a statement waits for another connection's lock before failing.
  public func setBusyTimeout(milliseconds: Int32) {
    sqlite3_busy_timeout(handle, milliseconds)
  }
}

extension SQLiteError {
  fileprivate func withFallback(code fallback: Int32) -> SQLiteError {
    code == SQLITE_OK ? SQLiteError(code: fallback, message: message, sql: sql) : self
  }
}

extension SQLiteConnection {
  /// The single integer a query with one integer parameter returns, or `nil`.
  public func integerBinding(_ sql: String, _ argument: Int64) throws(SQLiteError) -> Int64? {
    let statement = try statement(sql)
    defer { statement.reset() }
    statement.bind(1, argument)
    guard try statement.step(), !statement.isNull(0) else { return nil }
    return statement.int64(0)
  }
}

extension String {
  fileprivate func leftPadded() -> String { count == 1 ? "0" + self : self }
}
