import Foundation
public import LedgerCore

/// The ledger's event log in one SQLite file (WAL mode), behind ``EventLog``.
///
/// One instance is one connection; use it from one thread at a time. Several processes may
/// append to the same file: each append takes the write lock with `BEGIN IMMEDIATE`, and
/// positions are assigned inside that transaction.
public final class SQLiteEventLog: EventLog, VerbatimAppending, ProvableLog {
  package let connection: SQLiteConnection
  let clock: LedgerClock
  /// Stream numbers by name and names by number, filled as streams are met.
  var streamNumbers: [StreamName: Int64] = [:]
  var streamNames = StreamNameCache()
  /// Stream versions as of `cachedHead`; dropped when another writer moved the head.
  var streamVersions: [Int64: Int] = [:]
  var cachedHead: Int64 = -1
  /// The corrections read so far (voided id → first voiding position), through this position.
  var voidingCache: [String: Int64] = [:]
  var voidingLoadedThrough: Int64 = 0
  /// The streams the append's plan found absent, so writing their first events does not
  /// look them up again before creating them.
  var streamsKnownAbsent: Set<StreamName> = []
  /// The prepared event insert, once an append needed it.
  var insertEvent: SQLiteStatement?
  /// The envelope of the row being written, its buffer kept from row to row.
  var envelope: [UInt8] = []
  /// Organization-to-stream links known to be stored.
  var organizationStreams: Set<OrganizationStream> = []
  /// How many append transactions this connection has committed (for ``CrashPoint``).
  var appendTransactions = 0
  /// Which columns hold an event's fields: a ledger older than schema 8 opened only to read
  /// keeps the layout it was written with.
  let layout: EventRowLayout
  /// Whether the connection only reads.
  public let isReadOnly: Bool
  /// Whether the file keeps the Merkle tree's tiles (schema 5 on); an older ledger read
  /// without migrating computes every node from the events.
  let hasMerkleTiles: Bool
  /// The tree's incomplete tile at `cachedHead`, which appends extend.
  var tiles = MerkleTiles(leaves: [])

  /// Opens the log at `path` for writing, creating the file and schema when `create` is set
  /// and migrating an older ledger (`migrating` hears the schema versions from and to first:
  /// migration 8 rewrites every event row, about a minute per 10 million events).
  /// - Throws: ``InvalidSetting`` before anything is opened; ``SQLiteError``; ``NotALedger``
  ///   for another program's database; ``SQLiteMigrator/SchemaTooNew`` for a file from a
  ///   newer ledger.
  public init(
    path: String, create: Bool = true, durability: Durability = .full, clock: LedgerClock = .system,
    migrating: (_ from: Int, _ to: Int) -> Void = { _, _ in }
  ) throws {
    let mappedBytes = try Self.mappedBytes()
    connection = try SQLiteConnection(path: path, mode: create ? .create : .existing)
    self.clock = clock
    self.isReadOnly = false
    self.hasMerkleTiles = true
    self.layout = .compact
    connection.setBusyTimeout(milliseconds: Self.busyTimeoutMilliseconds)
    let kind = try LedgerSchema.kind(of: connection)
    if case .other = kind { throw NotALedger(path: path) }
    // A page size holds only from a file's first write: a ledger made earlier keeps its own.
    if case .empty = kind { try connection.execute("PRAGMA page_size = \(Self.newPageSize)") }
    try connection.execute("PRAGMA journal_mode = WAL")
    try connection.execute("PRAGMA synchronous = \(durability.rawValue.uppercased())")
    let pageSize = Int(try connection.integer("PRAGMA page_size") ?? 4_096)
    try connection.execute("PRAGMA wal_autocheckpoint = \(Self.checkpointEveryBytes / pageSize)")
    try connection.execute("PRAGMA cache_size = -\(Self.pageCacheKiB)")
    try connection.execute("PRAGMA mmap_size = \(mappedBytes)")
    try SQLiteMigrator(migrations: LedgerSchema.migrations).migrate(connection, announcing: migrating)
  }

  /// Opens an existing ledger at `path` only to read it: no schema is written, no migration
  /// runs, and a ledger on read-only media (an archive) opens as immutable.
  /// - Throws: ``InvalidSetting`` before anything is opened; ``SQLiteError``; ``NotALedger``
  ///   for an empty file or another program's database; ``SQLiteMigrator/SchemaTooNew`` for a
  ///   file from a newer ledger.
  public init(readingAt path: String, clock: LedgerClock = .system) throws {
    let mappedBytes = try Self.mappedBytes()
    var connection = try SQLiteConnection(path: path, mode: .readOnly)
    var kind: LedgerSchema.Kind
    do {
      kind = try LedgerSchema.kind(of: connection)
    } catch let error as SQLiteError where error.isCannotOpenOrReadOnly {
      // A WAL ledger in a directory nobody may write cannot get its lock files: read it
      // as the unchanging archive it is.
      connection = try SQLiteConnection(path: path, mode: .immutable)
      kind = try LedgerSchema.kind(of: connection)
    }
    guard case .ledger(let version) = kind else { throw NotALedger(path: path) }
    guard version <= LedgerSchema.migrations.count else {
      throw SQLiteMigrator.SchemaTooNew(path: path, version: version, supported: LedgerSchema.migrations.count)
    }
    self.connection = connection
    self.clock = clock
    self.isReadOnly = true
    self.hasMerkleTiles = version >= 5
    self.layout = EventRowLayout(schemaVersion: version)
    connection.setBusyTimeout(milliseconds: Self.busyTimeoutMilliseconds)
    try connection.execute("PRAGMA cache_size = -\(Self.pageCacheKiB)")
    try connection.execute("PRAGMA mmap_size = \(mappedBytes)")
  }

  public func version(of stream: StreamName) throws -> Int {
    guard let number = try streamNumber(of: stream) else { return 0 }
    return Int(try connection.integerBinding("SELECT max(stream_version) FROM events WHERE stream_no = ?", number) ?? 0)
  }

  public func headPosition() throws -> Int64 {
    try connection.integer("SELECT max(position) FROM events") ?? 0
  }

  public func position(recordedAtOrBefore instant: RecordedInstant) throws -> Int64 {
    // Recorded instants increase with position, so a binary search over the primary key
    // finds the answer without an index on `recorded`.
    let lookup = try connection.statement("SELECT \(layout.recordedColumn) FROM events WHERE position = ?")
    var low: Int64 = 0
    var high = try headPosition()
    while low < high {
      let middle = low + (high - low + 1) / 2
      lookup.bind(1, middle)
      guard try lookup.step() else { break }
      let recorded = layout == .compact ? lookup.withBytes(0, StoredEnvelope.recorded(in:)) : lookup.int64(0)
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
    streamNames.insert(name, number: number)
    return name
  }

  /// How long a connection waits for another's write lock before giving up (exit 75).
  static let busyTimeoutMilliseconds: Int32 = 30_000
  /// The page cache of one connection: 32 MiB, so replays and stream reads stay in memory.
  static let pageCacheKiB = 32_768
  /// How much of the database file reads map instead of copying page by page: 128 MiB
  /// unless `LEDGER_MMAP_BYTES` says otherwise (0 maps nothing). A stream read then takes its
  /// scattered pages from the OS page cache without a `pread` each. Mapped pages count in the
  /// process's RSS, so the default is bounded to keep a replay of any size near 200 MB (1 GiB
  /// made W3 a fifth faster and a 1M-event replay 340 MB); a host with a tight memory budget,
  /// or a file system where a failed read of a mapped page would kill the process instead of
  /// failing the command, sets 0.
  /// - Throws: ``InvalidSetting`` for a value that is not a whole number of bytes.
  static func mappedBytes(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Int {
    guard let text = environment[InvalidSetting.mappedBytes] else { return 1 << 27 }
    guard let bytes = Int(text), bytes >= 0 else {
      throw InvalidSetting(
        name: InvalidSetting.mappedBytes, value: text, expected: "a whole number of bytes, 0 or more")
    }
    return bytes
  }
  /// WAL bytes written before SQLite checkpoints the WAL into the database (about 40 MB, in
  /// pages of the file's size), so bulk appends are not interrupted by a checkpoint every
  /// megabyte or so.
  static let checkpointEveryBytes = 10_000 * 4_096
  /// The page size of a new ledger: 16 KiB instead of SQLite's 4 KiB. The unique index of
  /// event ids is shallower and a row spans fewer pages: `import-acr` (random content-digest
  /// ids) took 0.88 of the time and the replay 0.95, appends the same, one stream's read 1.13
  /// (docs/benchmarks.md).
  static let newPageSize = 16_384

  /// How many stream names and numbers a connection keeps before starting its caches afresh.
  static let streamCacheLimit = 65_536

  /// The stream's number, cached by name (no text is built for a cached one).
  func streamNumber(of stream: StreamName) throws -> Int64? {
    if let number = streamNumbers[stream] { return number }
    let statement = try connection.statement("SELECT stream_no FROM streams WHERE name = ?")
    defer { statement.reset() }
    statement.bind(1, stream.description)
    guard try statement.step() else { return nil }
    let number = statement.int64(0)
    if streamNumbers.count >= Self.streamCacheLimit { streamNumbers.removeAll(keepingCapacity: true) }
    streamNumbers[stream] = number
    return number
  }
}

/// One row of the organization index.
struct OrganizationStream: Hashable {
  let org: String
  let stream: Int64
}

/// A database file that is not a ledger: empty, or another program's SQLite file. It is
/// left untouched.
public struct NotALedger: Error, CustomStringConvertible {
  /// The file.
  public let path: String

  public var description: String { "\(path): not a ledger database (no ledger schema in it); nothing was changed" }
}

extension SQLiteEventLog {
  /// What a program says before the ledger at `path` is migrated from schema `from` to `to`
  /// (the `migrating` argument of ``init(path:create:durability:clock:migrating:)``): a
  /// migration that rewrites every event row takes about a minute per 10 million events,
  /// which no command should spend in silence.
  package static func migrationNotice(path: String, from: Int, to: Int) -> String {
    let rewrite =
      from < 8 && to >= 8 ? " (every event row is rewritten once: about a minute per 10 million events)" : ""
    return "\(path): migrating from schema \(from) to \(to)\(rewrite)"
  }

  /// Gives the file's free pages back to the file system (`VACUUM`), when it has any: the
  /// space migration 8 left where the old rows were, or read models dropped and folded
  /// again. Nothing stored changes; positions and stream numbers are kept.
  /// - Returns: the bytes the free pages held.
  /// - Throws: ``SQLiteError`` (busy when another process is writing).
  public func reclaimFreePages() throws -> Int64 {
    let free = try connection.integer("PRAGMA freelist_count") ?? 0
    guard free > 0 else { return 0 }
    let pageSize = try connection.integer("PRAGMA page_size") ?? 4_096
    try connection.execute("VACUUM")
    return free * pageSize
  }
}
