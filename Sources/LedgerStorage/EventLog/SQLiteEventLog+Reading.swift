public import LedgerCore

extension SQLiteEventLog {
  public func forEachEntry(from position: Int64, _ body: (LogEntry) async throws -> Void) async throws {
    let voiding = try voidingPositions()
    let statement = try connection.statement(
      "SELECT \(layout.selectedColumns) FROM events WHERE position >= ? ORDER BY position")
    defer { statement.reset() }
    statement.bind(1, position)
    while try statement.step() {
      let record = try record(from: statement)
      try await body(logEntry(record, voided: voiding))
    }
  }

  public func forEachEvent(
    from position: Int64, knownAt: Int64, _ body: (RecordedEvent) throws -> Void
  ) async throws {
    try eachEvent(from: position, knownAt: knownAt, body)
  }

  /// ``forEachEvent(from:knownAt:_:)``'s loop, synchronous: an async function keeps its
  /// locals in the task's frame, so each row's record would be copied in and out of it.
  private func eachEvent(from position: Int64, knownAt: Int64, _ body: (RecordedEvent) throws -> Void) throws {
    let voided = try voidingPositions()
    let statement = try connection.statement(
      "SELECT \(layout.selectedColumns) FROM events WHERE position >= ? AND position <= ? ORDER BY position")
    defer { statement.reset() }
    statement.bind(1, position)
    statement.bind(2, knownAt)
    // One payload buffer for the whole replay: handed to each row's record and taken back
    // after the body, it is filled again in place whenever the body kept no copy of the event.
    var payload: [UInt8] = []
    while try statement.step() {
      let record = try record(from: statement, payload: &payload)
      guard isVisible(record, knownAt: knownAt, voided: voided) else { continue }
      let event = try record.decodedFromStorage()
      try body(event)
      payload = event.takingPayload()
    }
  }

  public func events(in stream: StreamName, knownAt: Int64) throws -> [RecordedEvent] {
    guard let number = try streamNumber(of: stream) else { return [] }
    return try events(inStreamNumber: number, named: stream, knownAt: knownAt, voided: try voidingPositions())
  }

  public func events(concerning org: String, knownAt: Int64) throws -> [RecordedEvent] {
    let voided = try voidingPositions()
    // One statement for all the organization's streams: each stream's rows by its index, sorted
    // by position (`+position` keeps the planner off a range scan of the whole log).
    let statement = try connection.statement(
      """
      SELECT \(layout.selectedColumns) FROM events
      WHERE stream_no IN (SELECT stream_no FROM org_streams WHERE org = ?1) AND +position <= ?2
      ORDER BY position
      """)
    defer { statement.reset() }
    statement.bind(1, org)
    statement.bind(2, knownAt)
    var events: [RecordedEvent] = []
    while try statement.step() {
      let record = try record(from: statement)
      if isVisible(record, knownAt: knownAt, voided: voided) { events.append(try record.decodedFromStorage()) }
    }
    return events
  }

  /// The visible events of the stream numbered `number`, named `name`, in version order,
  /// judged against `voided`.
  private func events(
    inStreamNumber number: Int64, named name: StreamName, knownAt: Int64, voided: [String: Int64]
  ) throws
    -> [RecordedEvent]
  {
    let statement = try connection.statement(
      "SELECT \(layout.selectedColumns) FROM events WHERE stream_no = ?1 AND position <= ?2 ORDER BY stream_version")
    defer { statement.reset() }
    statement.bind(1, number)
    statement.bind(2, knownAt)
    var events: [RecordedEvent] = []
    while try statement.step() {
      let record = try record(from: statement, stream: name)
      if isVisible(record, knownAt: knownAt, voided: voided) { events.append(try record.decodedFromStorage()) }
    }
    return events
  }

  public func organizations() throws -> [String] {
    let statement = try connection.statement("SELECT DISTINCT org FROM org_streams ORDER BY org")
    defer { statement.reset() }
    var organizations: [String] = []
    while try statement.step() {
      if let org = statement.text(0) { organizations.append(org) }
    }
    return organizations
  }

  /// Every id a correction voids, with the position of the first correction naming it: read
  /// once per connection and then only for the corrections recorded since, so a query does
  /// not probe the corrections for each row it reads. `LogEntry.isVisible(knownAt:)` then
  /// applies the known-at position.
  func voidingPositions() throws -> [String: Int64] {
    let head = try headPosition()
    guard head > voidingLoadedThrough else { return voidingCache }
    // The partial index holds only the corrections; without INDEXED BY the planner prefers
    // the position range, which is a scan of the whole log on a first read.
    let statement = try connection.statement(
      """
      SELECT corrects, position FROM events INDEXED BY events_by_corrects
      WHERE corrects IS NOT NULL AND position > ? AND position <= ?
      """)
    defer { statement.reset() }
    statement.bind(1, voidingLoadedThrough)
    statement.bind(2, head)
    while try statement.step() {
      if let id = statement.eventID(0) {
        let position = statement.int64(1)
        voidingCache[id] = min(voidingCache[id] ?? position, position)
      }
    }
    voidingLoadedThrough = head
    return voidingCache
  }

  /// The record with the position of the first correction voiding it, if any; most logs
  /// have no corrections, and an empty map is answered without hashing the id.
  private func logEntry(_ record: EventRecord, voided: [String: Int64]) -> LogEntry {
    LogEntry(record: record, voidedBy: voided.isEmpty ? nil : voided[record.id])
  }

  /// Whether `record` is visible known at `knownAt` (``LogEntry/isVisible(knownAt:)``),
  /// judged without copying the record into an entry.
  private func isVisible(_ record: EventRecord, knownAt: Int64, voided: [String: Int64]) -> Bool {
    LogEntry.isVisible(position: record.position, voidedBy: voided.isEmpty ? nil : voided[record.id], knownAt: knownAt)
  }

  /// Reads the columns of the file's ``EventRowLayout/selectedColumns`` from the current row;
  /// `stream`, when given, is the row's stream (a read of one stream knows it).
  func record(from statement: SQLiteStatement, stream: StreamName? = nil) throws -> EventRecord {
    var payload: [UInt8] = []
    return try record(from: statement, payload: &payload, stream: stream)
  }

  /// Reads the current row with its payload copied into `buffer`'s storage (kept when no one
  /// else holds it, so a replay allocates none per row), which the record then takes over.
  private func record(
    from statement: SQLiteStatement, payload buffer: inout [UInt8], stream: StreamName? = nil
  ) throws -> EventRecord {
    guard layout == .compact else { return try recordFromColumns(statement) }
    buffer.removeAll(keepingCapacity: true)
    statement.withBytes(6) { buffer.append(contentsOf: $0) }
    var payload: [UInt8] = []
    swap(&payload, &buffer)
    let position = statement.int64(0)
    let fields = try statement.envelope(5, position: position)
    return EventRecord(
      position: position, packedID: statement.packedEventID(1) ?? .text(""),
      stream: try stream ?? streamName(number: statement.int64(2)), streamVersion: Int(statement.int64(3)),
      typeName: fields.typeName, schemaVersion: fields.schemaVersion, effective: fields.effective,
      recorded: fields.recorded, actor: fields.actor, corrects: statement.eventID(4), reason: fields.reason,
      payload: payload, packedHash: fields.hash, writer: fields.writer, unchecked: fields.unchecked)
  }

  /// Reads a row of a ledger older than schema 8 (``EventRowLayout/columns(withWriter:)``).
  private func recordFromColumns(_ statement: SQLiteStatement) throws -> EventRecord {
    let position = statement.int64(0)
    guard case .date(let effective) = statement.withBytes(6, CivilDate.parse(utf8:)) else {
      throw StoredDataError(position: position, reason: "effective date \"\(statement.text(6) ?? "")\" is not a date")
    }
    return EventRecord(
      position: position, id: statement.text(1) ?? "", stream: try streamName(number: statement.int64(2)),
      streamVersion: Int(statement.int64(3)), typeName: statement.text(4, among: LedgerEvent.typeNames) ?? "",
      schemaVersion: Int(statement.int64(5)), effective: effective,
      recorded: RecordedInstant(microseconds: statement.int64(7)),
      actor: statement.text(8).map { Actor(id: $0, role: statement.text(9)) }, corrects: statement.text(10),
      reason: statement.text(11), payload: statement.blob(12), hash: statement.blob(13), writer: statement.text(14),
      unchecked: statement.int64(15) != 0)
  }
}
