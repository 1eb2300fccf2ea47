import CSQLite
import Glibc

/// A prepared statement, reused through the connection's cache: bind, step, read, reset.
public final class SQLiteStatement {
  let handle: OpaquePointer
  /// The statement's SQL.
  public let sql: String
  private unowned let connection: SQLiteConnection

  init(connection: SQLiteConnection, sql: String) throws(SQLiteError) {
    var statement: OpaquePointer?
    let code = sqlite3_prepare_v3(connection.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
    guard code == SQLITE_OK, let statement else {
      throw connection.error(code: code, sql: sql)
    }
    self.handle = statement
    self.sql = sql
    self.connection = connection
  }

  deinit {
    sqlite3_finalize(handle)
  }

  /// Binds an integer to the 1-based parameter `index`.
  public func bind(_ index: Int32, _ value: Int64) {
    sqlite3_bind_int64(handle, index, value)
  }

  /// Binds a text, or NULL: every UTF-8 byte of it, so what is stored is what was hashed.
  public func bind(_ index: Int32, _ value: String?) {
    if var value {
      value.withUTF8 { utf8 in
        // An empty buffer may have no address, which SQLite would bind as NULL.
        if let base = utf8.baseAddress {
          _ = sqlite3_bind_text(handle, index, base, Int32(utf8.count), csqlite_transient())
        } else {
          _ = sqlite3_bind_text(handle, index, "", 0, csqlite_transient())
        }
      }
    } else {
      sqlite3_bind_null(handle, index)
    }
  }

  /// Binds a blob (an empty array binds an empty blob, not NULL).
  public func bind(_ index: Int32, blob value: [UInt8]) {
    value.withUnsafeBytes { raw in
      if let base = raw.baseAddress {
        _ = sqlite3_bind_blob(handle, index, base, Int32(raw.count), csqlite_transient())
      } else {
        _ = sqlite3_bind_zeroblob(handle, index, 0)
      }
    }
  }

  /// Runs one step; `true` when a row is available.
  /// - Throws: ``SQLiteError`` on any failure (the statement is reset then).
  public func step() throws(SQLiteError) -> Bool {
    let code = sqlite3_step(handle)
    switch code {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    default:
      let error = connection.error(code: code, sql: sql)
      sqlite3_reset(handle)
      throw error
    }
  }

  /// Steps to completion, for statements that return no rows.
  public func run() throws(SQLiteError) {
    while try step() {}
    reset()
  }

  /// Resets the statement and clears its bindings for reuse.
  public func reset() {
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
  }

  /// Whether column `index` (0-based) is NULL in the current row.
  public func isNull(_ index: Int32) -> Bool {
    sqlite3_column_type(handle, index) == SQLITE_NULL
  }

  /// The integer in column `index` of the current row.
  public func int64(_ index: Int32) -> Int64 {
    sqlite3_column_int64(handle, index)
  }

  /// The text in column `index`, or `nil` for NULL.
  public func text(_ index: Int32) -> String? {
    withColumn(index) { type, bytes in type == SQLITE_NULL ? nil : String(decoding: bytes, as: UTF8.self) }
  }

  /// Calls `body` with the bytes of column `index` (empty for NULL), valid only during the call.
  public func withBytes<T, E: Error>(_ index: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> T) throws(E) -> T
  {
    try withColumn(index) { _, bytes throws(E) in try body(bytes) }
  }

  /// Calls `body` with the storage class of column `index` (`SQLITE_BLOB`, `SQLITE_TEXT`,
  /// `SQLITE_NULL`, …) and its bytes as a blob or text (empty for NULL), valid only during the
  /// call. The column is asked for once: each `sqlite3_column_*` call enters the statement
  /// anew, and a replay reads several columns of every row.
  public func withColumn<T, E: Error>(
    _ index: Int32, _ body: (_ type: Int32, _ bytes: UnsafeBufferPointer<UInt8>) throws(E) -> T
  ) throws(E) -> T {
    let value = sqlite3_column_value(handle, index)
    let type = sqlite3_value_type(value)
    // The pointer first, then the length, as SQLite's documentation orders the two calls.
    guard let pointer = sqlite3_value_blob(value) else {
      return try body(type, UnsafeBufferPointer(start: nil, count: 0))
    }
    let count = Int(sqlite3_value_bytes(value))
    return try body(type, UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: UInt8.self), count: count))
  }

  /// The text in column `index` when it is one of `known` (returned without building a new
  /// `String`), else the text itself; `nil` for NULL.
  public func text(_ index: Int32, among known: [String]) -> String? {
    withColumn(index) { type, bytes in
      guard type != SQLITE_NULL else { return nil }
      for var candidate in known where candidate.utf8.count == bytes.count {
        if bytes.isEmpty || candidate.withUTF8({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }) {
          return candidate
        }
      }
      return String(decoding: bytes, as: UTF8.self)
    }
  }

  /// The blob in column `index` (empty for NULL or an empty blob).
  public func blob(_ index: Int32) -> [UInt8] {
    withBytes(index) { $0.isEmpty ? [] : Array($0) }
  }
}
