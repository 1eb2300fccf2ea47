public import LedgerCore
public import LedgerStorage

/// A ledger database in its own temporary directory, for one test.
public struct TemporaryLedger: Sendable {
  /// The directory holding the database.
  public let directory = TemporaryDirectory()

  /// Creates the directory; the database file is created on first open.
  public init() {}

  /// The database file's path.
  public var path: String { directory.file("ledger.sqlite") }

  /// Opens (creating when missing) the log, with a stepping test clock by default.
  public func open(clock: LedgerClock = SteppingClock().clock) throws -> SQLiteEventLog {
    try SQLiteEventLog(path: path, clock: clock)
  }
}
