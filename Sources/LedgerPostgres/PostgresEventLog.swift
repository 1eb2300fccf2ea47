public import LedgerCore
import Logging
import NIOCore
import PostgresNIO

/// The ledger's event log in a PostgreSQL database, behind ``LedgerCore/EventLog``: the same
/// rules as the SQLite log (``AppendPlan``, ``AppendSealer``, ``LogVerifier``), the same
/// contract tests.
///
/// One instance is one connection; use it from one task at a time. Any number of processes
/// may append to the same database: each append holds a transaction-level advisory lock
/// from reading the head to its commit, so positions stay gap-free and in commit order.
public final class PostgresEventLog: EventLog, VerbatimAppending, ProvableLog {
  let connection: PostgresConnection
  let location: PostgresLocation
  let clock: LedgerClock
  let logger: Logger
  /// Whether the connection only reads (it never migrates, and refuses appends).
  public let isReadOnly: Bool
  /// How deep the open units of work are: 0 outside a transaction.
  var transactionDepth = 0
  /// How many append transactions this connection has reached the commit of (for
  /// ``CrashPoint``).
  var appendTransactions = 0
  /// The head this connection's caches (the tree's open tiles) were read at, −1 when none.
  var cachedHead: Int64 = -1
  /// The tree's incomplete tiles at `cachedHead`, which appends extend.
  var tiles = MerkleTiles(leaves: [])
  var tileBuffer = PostgresTileBuffer()
  /// The corrections read so far (voided id → first voiding position), through this position.
  var voidingCache: [String: Int64] = [:]
  var voidingLoadedThrough: Int64 = 0
  /// The stored version of each stream this connection read or wrote at `cachedHead` (0 for
  /// none): while no other writer moves the head, a batch asks only about streams not here.
  var streamVersions: [String: Int] = [:]
  /// How many stream versions the connection keeps before it starts again.
  static let streamVersionLimit = 65_536

  private init(
    connection: PostgresConnection, location: PostgresLocation, clock: LedgerClock, isReadOnly: Bool, logger: Logger
  ) {
    self.connection = connection
    self.location = location
    self.clock = clock
    self.isReadOnly = isReadOnly
    self.logger = logger
  }

  deinit {
    // The connection must outlive its closing (PostgresNIO checks that it was closed).
    let connection = self.connection
    connection.close().whenComplete { _ in _ = connection }
  }

  /// Connects to the ledger at `location` for writing, migrating the database when it is new
  /// or older (when the role may; ``PostgresMigrator``).
  /// - Throws: ``PostgresFailure``; ``NotALedgerDatabase``; ``SchemaTooNew``.
  public static func connect(
    to location: PostgresLocation, clock: LedgerClock = .system
  ) async throws
    -> PostgresEventLog
  {
    let log = try await open(location, clock: clock, isReadOnly: false)
    try await log.migrator.migrate()
    return log
  }

  /// Connects to an existing ledger at `location` only to read it: nothing is written, no
  /// migration runs.
  /// - Throws: ``PostgresFailure``; ``NotALedgerDatabase`` for a database that is not a
  ///   ledger (an empty one included); ``SchemaTooNew``.
  public static func connect(
    readingAt location: PostgresLocation, clock: LedgerClock = .system
  ) async throws
    -> PostgresEventLog
  {
    let log = try await open(location, clock: clock, isReadOnly: true)
    let kind = try await log.migrator.kind()
    guard case .ledger(let version) = kind else {
      throw NotALedgerDatabase(location: location, isEmpty: kind == .empty)
    }
    guard version <= PostgresSchema.migrations.count else {
      throw SchemaTooNew(location: location, version: version, supported: PostgresSchema.migrations.count)
    }
    return log
  }

  /// Brings the database at `location` to this ledger's schema and grants `role` (when
  /// given) SELECT and INSERT on the log: what `ledger migrate` does as the owner role.
  public static func migrate(_ location: PostgresLocation, grantingTo role: String?) async throws {
    let log = try await open(location, clock: .system, isReadOnly: false)
    try await log.migrator.migrate(grantingTo: role)
  }

  private static func open(
    _ location: PostgresLocation, clock: LedgerClock, isReadOnly: Bool
  ) async throws
    -> PostgresEventLog
  {
    let logger = Logger(label: "ledger.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
    do {
      let connection = try await PostgresConnection.connect(
        configuration: location.configuration, id: 1, logger: logger)
      return PostgresEventLog(
        connection: connection, location: location, clock: clock, isReadOnly: isReadOnly, logger: logger)
    } catch {
      throw PostgresFailure(doing: "connecting to \(location)", error: error)
    }
  }

  var migrator: PostgresMigrator { PostgresMigrator(connection: connection, location: location, logger: logger) }

  /// Runs `query` and collects its rows, naming `doing` when it fails.
  @discardableResult
  func rows(_ query: PostgresQuery, doing: @autoclosure () -> String) async throws -> [PostgresRow] {
    do {
      return try await connection.query(query, logger: logger).collect()
    } catch {
      throw PostgresFailure(doing: doing(), error: error)
    }
  }

  /// The one value of the first row of `query` (`nil` when there is none, or it is NULL).
  func value<T: PostgresDecodable>(
    _ query: PostgresQuery, as type: T.Type, doing: @autoclosure () -> String
  )
    async throws -> T? where T._DecodableType == T
  {
    guard let row = try await rows(query, doing: doing()).first else { return nil }
    do {
      return try row.decode(T?.self)
    } catch {
      throw PostgresFailure(doing: doing(), error: error)
    }
  }

  public func position(ofEventID id: String) async throws -> Int64? {
    try await value("SELECT position FROM events WHERE event_id = \(id)", as: Int64.self, doing: "finding event \(id)")
  }

  public func version(of stream: StreamName) async throws -> Int {
    let name = stream.description
    return Int(
      try await value(
        "SELECT max(stream_version) FROM events WHERE stream = \(name)", as: Int32.self,
        doing: "reading the version of \(name)") ?? 0)
  }

  public func headPosition() async throws -> Int64 {
    try await value("SELECT max(position) FROM events", as: Int64.self, doing: "reading the head") ?? 0
  }

  public func position(recordedAtOrBefore instant: RecordedInstant) async throws -> Int64 {
    // Recorded instants increase with position, so a binary search over the primary key
    // finds the answer without an index on `recorded` (a filter on it would scan the table).
    var low: Int64 = 0
    var high = try await headPosition()
    while low < high {
      let middle = low + (high - low + 1) / 2
      let recorded = try await value(
        "SELECT recorded FROM events WHERE position = \(middle)", as: Int64.self,
        doing: "finding the position recorded by \(instant)")
      guard let recorded else { break }
      if recorded <= instant.microseconds { low = middle } else { high = middle - 1 }
    }
    return low
  }

  public func organizations() async throws -> [String] {
    try await rows("SELECT DISTINCT org FROM org_streams ORDER BY org", doing: "listing the organizations")
      .map { try $0.decode(String.self) }
  }

  /// Decodes a row of ``PostgresSchema/eventColumns``.
  func record(from row: PostgresRow) throws -> EventRecord {
    let columns:
      (
        Int64, String, String, Int32, String, Int32, String, Int64, String?, String?, String?, String?, ByteBuffer,
        ByteBuffer, String?, Bool
      )
    do {
      columns = try row.decode(
        (
          Int64, String, String, Int32, String, Int32, String, Int64, String?, String?, String?, String?, ByteBuffer,
          ByteBuffer, String?, Bool
        ).self)
    } catch {
      throw StoredDataError(position: nil, reason: "an event row does not decode: \(error)")
    }
    let position = columns.0
    guard let stream = StreamName(columns.2) else {
      throw StoredDataError(position: position, reason: "stream \"\(columns.2)\" is not a valid stream name")
    }
    guard let effective = try? CivilDate(parsing: columns.6) else {
      throw StoredDataError(position: position, reason: "effective date \"\(columns.6)\" is not a date")
    }
    return EventRecord(
      position: position, id: columns.1, stream: stream, streamVersion: Int(columns.3), typeName: columns.4,
      schemaVersion: Int(columns.5), effective: effective, recorded: RecordedInstant(microseconds: columns.7),
      actor: columns.8.map { Actor(id: $0, role: columns.9) }, corrects: columns.10, reason: columns.11,
      payload: Array(columns.12.readableBytesView), hash: Array(columns.13.readableBytesView), writer: columns.14,
      unchecked: columns.15)
  }
}

extension PostgresEventLog {
  /// The database's size on disk, in bytes (`pg_database_size`): what the benchmarks report
  /// beside a SQLite file's size.
  public func storedBytes() async throws -> Int64 {
    try await value("SELECT pg_database_size(current_database())", as: Int64.self, doing: "reading the size") ?? 0
  }
}
