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

  /// The primary result code, without the extended bits.
  public var primaryCode: Int32 { code & 0xFF }

  /// Whether the file could not be opened, or opened only for reading.
  public var isCannotOpenOrReadOnly: Bool { primaryCode == SQLITE_CANTOPEN || primaryCode == SQLITE_READONLY }

  /// The kind of fault, for callers that answer each kind in its own words.
  public enum Fault: Sendable {
    case diskFull, readOnly, ioError, cannotOpen, permission, notADatabase, corrupt, busy, other
  }

  /// The kind of fault this error reports.
  public var fault: Fault {
    switch primaryCode {
    case SQLITE_FULL: .diskFull
    case SQLITE_READONLY: .readOnly
    case SQLITE_IOERR: .ioError
    case SQLITE_CANTOPEN: .cannotOpen
    case SQLITE_PERM, SQLITE_AUTH: .permission
    case SQLITE_NOTADB: .notADatabase
    case SQLITE_CORRUPT: .corrupt
    case SQLITE_BUSY, SQLITE_LOCKED: .busy
    default: .other
    }
  }

  public var description: String {
    let name = String(cString: sqlite3_errstr(code))
    var text = "SQLite error \(code) (\(name)): \(message)"
    if let sql { text += " — while running: \(sql)" }
    return text
  }
}
