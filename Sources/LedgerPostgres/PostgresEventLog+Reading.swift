public import LedgerCore
import PostgresNIO

extension PostgresEventLog {
  public func forEachEntry(from position: Int64, _ body: (LogEntry) async throws -> Void) async throws {
    let voided = try await voidingPositions(through: .max)
    try await forEachRecord(from: position, through: .max) { record in
      try await body(LogEntry(record: record, voidedBy: voided[record.id]))
    }
  }

  public func forEachEvent(
    from position: Int64, knownAt: Int64, _ body: (RecordedEvent) throws -> Void
  ) async throws {
    let voided = try await voidingPositions(through: knownAt)
    try await forEachRecord(from: position, through: knownAt) { record in
      let entry = LogEntry(record: record, voidedBy: voided[record.id])
      guard entry.isVisible(knownAt: knownAt) else { return }
      try body(try record.decodedFromStorage())
    }
  }

  /// Streams the records of positions `position…last` in pages, each read whole before
  /// `body` sees its rows, so `body` may use the connection and memory stays constant.
  private func forEachRecord(
    from position: Int64, through last: Int64, _ body: (EventRecord) async throws -> Void
  ) async throws {
    var next = position
    while true {
      let rows = try await rows(
        """
        SELECT \(unescaped: PostgresSchema.eventColumns) FROM events
        WHERE position >= \(next) AND position <= \(last) ORDER BY position LIMIT \(Self.page)
        """, doing: "reading events from \(next)")
      for row in rows {
        let record = try record(from: row)
        next = record.position + 1
        try await body(record)
      }
      if rows.count < Self.page { return }
    }
  }

  /// How many rows one read of a long scan fetches.
  static let page = 4_096

  public func events(in stream: StreamName, knownAt: Int64) async throws -> [RecordedEvent] {
    let name = stream.description
    return try await visibleEvents(
      """
      SELECT \(unescaped: PostgresSchema.eventColumns) FROM events
      WHERE stream = \(name) AND position <= \(knownAt) ORDER BY stream_version
      """, knownAt: knownAt, doing: "reading stream \(name)")
  }

  public func events(concerning org: String, knownAt: Int64) async throws -> [RecordedEvent] {
    try await visibleEvents(
      """
      SELECT \(unescaped: PostgresSchema.eventColumns) FROM events
      WHERE stream IN (SELECT stream FROM org_streams WHERE org = \(org)) AND position <= \(knownAt)
      ORDER BY position
      """, knownAt: knownAt, doing: "reading the events of \(org)")
  }

  private func visibleEvents(_ query: PostgresQuery, knownAt: Int64, doing: String) async throws -> [RecordedEvent] {
    let voided = try await voidingPositions(through: knownAt)
    return try await rows(query, doing: doing).compactMap { row in
      let record = try record(from: row)
      return LogEntry(record: record, voidedBy: voided[record.id]).isVisible(knownAt: knownAt)
        ? try record.decodedFromStorage() : nil
    }
  }

  /// Every id a correction recorded at or before `position` voids, with the position of the
  /// first correction naming it: what visibility as known at `position` needs. Read once per
  /// connection, then only for the corrections past what was read, in one round trip that
  /// also reads the head (so the cache never claims a position the log had not reached).
  func voidingPositions(through position: Int64) async throws -> [String: Int64] {
    guard position > voidingLoadedThrough else { return voidingCache }
    let rows = try await rows(
      """
      SELECT (SELECT coalesce(max(position), 0) FROM events), array_agg(corrects), array_agg(position)
      FROM events WHERE corrects IS NOT NULL AND position > \(voidingLoadedThrough) AND position <= \(position)
      """, doing: "reading the corrections")
    let (head, ids, positions) = try rows[0].decode((Int64, [String]?, [Int64]?).self)
    for (id, at) in zip(ids ?? [], positions ?? []) { voidingCache[id] = min(voidingCache[id] ?? at, at) }
    voidingLoadedThrough = max(voidingLoadedThrough, min(position, head))
    return voidingCache
  }
}
