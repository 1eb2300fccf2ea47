import CSQLite

/// An error reported by SQLite, with the result code, SQLite's message and the statement.
///
/// The description names the SQL but never the bound values, so no event data leaks into
/// logs.
public struct SQLiteError: Error, Equatable, CustomStringConvertible {
  /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE`, …).
  public let code: Int32
  /// SQLite's message.
  public let message: String
  /// The statement being run, when there was one.
  public let sql: String?

  /// Creates an error.
  public init(code: Int32, message: String, sql: String? = nil) {
    self.code = code
    self.message = message
    self.sql = sql
  }

  public var description: String {
    let name = String(cString: sqlite3_errstr(code))
    var text = "SQLite error \(code) (\(name)): \(message)"
    if let sql { text += " — while running: \(sql)" }
    return text
  }
}
