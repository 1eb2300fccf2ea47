import Foundation
import LedgerStorage

/// Read-only connections to the ledger, kept open between requests: opening one (the file,
/// the schema check, the pragmas) costs more than most answers. A connection serves one
/// request at a time; its caches (stream names, the voided set, tree tiles) are built to
/// follow other writers, so a kept connection answers as a fresh one would.
final class LogPool: @unchecked Sendable {
  private let path: String
  private let lock = NSLock()
  private var idle: [SQLiteEventLog] = []
  /// How many idle connections are kept at most: each has its own page cache (32 MiB), and
  /// more than a few per core only add memory.
  static let keptConnections = 4

  init(path: String) {
    self.path = path
  }

  /// An idle connection, or a new one.
  /// - Throws: what opening the file throws.
  func borrow() throws -> SQLiteEventLog {
    if let log = lock.withLock({ idle.popLast() }) { return log }
    return try SQLiteEventLog(readingAt: path)
  }

  /// Takes a connection back after its request.
  func giveBack(_ log: SQLiteEventLog) {
    lock.withLock {
      if idle.count < Self.keptConnections { idle.append(log) }
    }
  }
}
