import Foundation
import LedgerCore

/// Read-only connections to the ledger, kept open between requests: opening one (a file's
/// schema check and pragmas, a server's connection) costs more than most answers. A
/// connection serves one request at a time; its caches (stream names, the voided set, tree
/// tiles) are built to follow other writers, so a kept connection answers as a fresh one would.
final class LogPool: @unchecked Sendable {
  private let database: LedgerDatabase
  private let lock = NSLock()
  private var idle: [any EventLog & ReadModelStore] = []
  /// How many idle connections are kept at most: each has its own page cache (32 MiB), and
  /// more than a few per core only add memory.
  static let keptConnections = 4

  init(database: LedgerDatabase) {
    self.database = database
  }

  /// An idle connection, or a new one.
  /// - Throws: what opening the database throws.
  func borrow() async throws -> any EventLog & ReadModelStore {
    if let log = lock.withLock({ idle.popLast() }) { return log }
    return try await database.openReader()
  }

  /// Takes a connection back after its request.
  func giveBack(_ log: any EventLog & ReadModelStore) {
    lock.withLock {
      if idle.count < Self.keptConnections { idle.append(log) }
    }
  }
}
