public import LedgerCore

/// The ledger's event log in one SQLite file (WAL mode), behind ``EventLog``.
///
/// One instance is one connection; use it from one thread at a time. Several processes may
/// append to the same file: each append takes the write lock with `BEGIN IMMEDIATE`, and
/// positions are assigned inside that transaction.
public final class SQLiteEventLog: EventLog {
  let connection: SQLiteConnection
  let clock: LedgerClock
  /// Stream numbers by name and names by number, filled as streams are met.
  var streamNumbers: [String: Int64] = [:]
  var streamNames: [Int64: StreamName] = [:]
  /// Stream versions as of `cachedHead`; dropped when another writer moved the head.
  var streamVersions: [Int64: Int] = [:]
  var cachedHead: Int64 = -1
  /// Organization-to-stream links known to be stored.
  var organizationStreams: Set<OrganizationStream> = []

  /// Opens the log at `path`, creating the file and schema when `create` is set.
  /// - Throws: ``SQLiteError``; ``SQLiteMigrator/SchemaTooNew`` for a file from a newer ledger.
  public init(
    path: String, create: Bool = true, durability: Durability = .full, clock: LedgerClock = .system
  ) throws {
    connection = try SQLiteConnection(path: path, mode: create ? .create : .existing)
    self.clock = clock
    connection.setBusyTimeout(milliseconds: 30_000)
    try connection.execute("PRAGMA journal_mode = WAL")
    try connection.execute("PRAGMA synchronous = \(durability.rawValue.uppercased())")
    try connection.execute("PRAGMA wal_autocheckpoint = 10000")
    try connection.execute("PRAGMA cache_size = -32768")
    try SQLiteMigrator(migrations: LedgerSchema.migrations).migrate(connection)
  }

  public func version(of stream: StreamName) throws -> Int {
    guard let number = try streamNumber(named: stream.description) else { return 0 }
    return Int(try connection.integerBinding("SELECT max(stream_version) FROM events WHERE stream_no = ?", number) ?? 0)
  }

  public func headPosition() throws -> Int64 {
    try connection.integer("SELECT max(position) FROM events") ?? 0
  }

  public func position(recordedAtOrBefore instant: RecordedInstant) throws -> Int64 {
    // Recorded instants increase with position, so a binary search over the primary key
    // finds the answer without an index on `recorded`.
    let lookup = try connection.statement("SELECT recorded FROM events WHERE position = ?")
    var low: Int64 = 0
    var high = try headPosition()
    while low < high {
      let middle = low + (high - low + 1) / 2
      lookup.bind(1, middle)
      guard try lookup.step() else { break }
      let recorded = lookup.int64(0)
      lookup.reset()
      if recorded <= instant.microseconds { low = middle } else { high = middle - 1 }
    }
    return low
  }

  func streamName(number: Int64) throws -> StreamName {
    if let name = streamNames[number] { return name }
    let statement = try connection.statement("SELECT name FROM streams WHERE stream_no = ?")
    defer { statement.reset() }
    statement.bind(1, number)
    guard try statement.step(), let text = statement.text(0), let name = StreamName(text) else {
      throw StoredDataError(position: nil, reason: "stream \(number) has no valid name")
    }
    // A replay of a large log meets millions of streams: keep the cache bounded.
    if streamNames.count >= Self.streamCacheLimit { streamNames.removeAll(keepingCapacity: true) }
    streamNames[number] = name
    return name
  }

  /// How many stream names and numbers a connection keeps before starting its caches afresh.
  static let streamCacheLimit = 65_536

  func streamNumber(named name: String) throws -> Int64? {
    if let number = streamNumbers[name] { return number }
    let statement = try connection.statement("SELECT stream_no FROM streams WHERE name = ?")
    defer { statement.reset() }
    statement.bind(1, name)
    guard try statement.step() else { return nil }
    let number = statement.int64(0)
    if streamNumbers.count >= Self.streamCacheLimit { streamNumbers.removeAll(keepingCapacity: true) }
    streamNumbers[name] = number
    return number
  }
}

/// One row of the organization index.
struct OrganizationStream: Hashable {
  let org: String
  let stream: Int64
}

/// A stored row that cannot be read back (a missing stream, an impossible date): the
/// database was changed outside the ledger.
public struct StoredDataError: Error, CustomStringConvertible {
  /// The position of the row, when known.
  public let position: Int64?
  /// What is wrong.
  public let reason: String

  public var description: String {
    position.map { "stored event at position \($0): \(reason)" } ?? "stored data: \(reason)"
  }
}
