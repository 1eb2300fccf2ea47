public import LedgerCore
import NIOCore
import PostgresNIO

extension PostgresEventLog {
  /// Appends all events in one transaction, or none.
  ///
  /// The append lock is taken first (``PostgresSchema/appendLock``), so the head read next
  /// stays the head until the commit; the stored ids and stream versions the batch names are
  /// fetched in one query each, an ``AppendPlan`` judges every event, and an
  /// ``AppendSealer`` links the accepted ones, which `COPY` writes in one stream. On any
  /// problem the transaction rolls back and ``AppendRejection`` names them all.
  public func append(_ events: [ProposedEvent]) async throws -> AppendReceipt {
    guard !isReadOnly else {
      throw PostgresFailure(doing: "appending to \(location)", message: "the log was opened only to read")
    }
    return try await inOneTransaction {
      var sealer = AppendSealer(head: try await lockedHead(), clock: clock)
      let lookups = try await PostgresAppendLookups(fetchingFor: events, knowing: streamVersions, log: self)
      var plan = AppendPlan()
      for (index, proposed) in events.enumerated() {
        try plan.judge(proposed, index: index, lookups: lookups)
      }
      try plan.refuseProblems()
      let accepted = plan.accepted
      let rows = try await write(count: accepted.count) { sealer.seal(accepted[$0]) }
      let receipt = try plan.receipt(
        appended: rows.map {
          .init(
            index: $0.index, position: $0.record.position, id: $0.record.id, stream: $0.record.stream,
            streamVersion: $0.record.streamVersion)
        })
      cachedHead = sealer.head.position
      if streamVersions.count + lookups.versions.count > Self.streamVersionLimit { streamVersions.removeAll() }
      streamVersions.merge(lookups.versions) { max($0, $1) }
      for row in rows { streamVersions[row.record.stream.description] = row.record.streamVersion }
      return receipt
    }
  }

  /// Appends records sealed by another ledger as they are (``VerbatimAppending``), in one
  /// unit of work, or none.
  public func appendVerbatim(_ records: [EventRecord]) async throws {
    guard !isReadOnly else {
      throw PostgresFailure(doing: "copying into \(location)", message: "the log was opened only to read")
    }
    try await inOneTransaction {
      var head = try await lockedHead()
      _ = try await write(count: records.count) { try AppendPlan.Row(copying: records[$0], after: &head) }
      cachedHead = head.position
      streamVersions.removeAll()
    }
  }

  public func inOneTransaction<T>(_ body: () async throws -> T) async throws -> T {
    try await unitOfWork(holding: isReadOnly ? nil : PostgresSchema.appendLock, body)
  }

  /// Runs `body` in a transaction (a savepoint inside an open one) that holds the advisory
  /// lock `lock` from its start; it commits when `body` returns and rolls back when it throws.
  func unitOfWork<T>(holding lock: Int64?, begin: String = "BEGIN", _ body: () async throws -> T) async throws -> T {
    let nested = transactionDepth > 0
    try await rows(
      PostgresQuery(unsafeSQL: nested ? "SAVEPOINT ledger_unit" : begin), doing: "starting a transaction on \(location)"
    )
    transactionDepth += 1
    defer { transactionDepth -= 1 }
    do {
      if !nested, let lock {
        try await rows("SELECT pg_advisory_xact_lock(\(lock))", doing: "taking the ledger's lock \(lock)")
      }
      let result = try await body()
      if !nested, lock == PostgresSchema.appendLock {
        appendTransactions += 1
        CrashPoint.reach("append.commit", count: appendTransactions)
      }
      try await rows(
        PostgresQuery(unsafeSQL: nested ? "RELEASE ledger_unit" : "COMMIT"), doing: "committing to \(location)")
      return result
    } catch {
      if nested {
        _ = try? await rows("ROLLBACK TO ledger_unit", doing: "rolling back")
        _ = try? await rows("RELEASE ledger_unit", doing: "rolling back")
      } else {
        _ = try? await rows("ROLLBACK", doing: "rolling back")
      }
      // Whatever was cached during the transaction (the tree's tiles) may not exist.
      forgetCaches()
      throw error
    }
  }

  /// Drops what the connection cached from the database; the next append reads it again.
  func forgetCaches() {
    cachedHead = -1
    tiles = MerkleTiles(leaves: [])
    tileBuffer = PostgresTileBuffer()
    voidingCache.removeAll()
    voidingLoadedThrough = 0
    streamVersions.removeAll()
  }

  /// The last stored event, read under the append lock; when another writer moved the head
  /// since this connection's last append, the tree's open tiles are read again.
  private func lockedHead() async throws -> LogHead {
    let rows = try await rows(
      "SELECT position, hash, recorded FROM events ORDER BY position DESC LIMIT 1", doing: "reading the head")
    var head = LogHead.empty
    if let row = rows.first {
      let (position, hash, recorded) = try row.decode((Int64, ByteBuffer, Int64).self)
      head = LogHead(position: position, hash: Array(hash.readableBytesView), recorded: recorded)
    }
    if head.position != cachedHead {
      forgetCaches()
      try await prepareTree(head: head.position)
      cachedHead = head.position
    }
    return head
  }

  /// Writes `count` rows, each made by `row` in order (sealed, or copied): the events in one
  /// `COPY`, then the organization links and the tree nodes they complete, and a
  /// notification of the new head that followers hear when the transaction commits.
  /// - Returns: the rows' places (records without payloads kept, for the receipt).
  private func write(
    count: Int, _ row: (Int) throws -> AppendPlan.Row
  ) async throws -> [(index: Int, record: EventRecord)] {
    guard count > 0 else { return [] }
    var written: [(index: Int, record: EventRecord)] = []
    written.reserveCapacity(count)
    var links: Set<OrganizationLink> = []
    var last: Int64 = 0
    do {
      try await connection.copyFrom(
        table: "events", columns: PostgresSchema.eventColumnList, logger: logger
      ) { writer in
        var buffer = ByteBuffer()
        for index in 0..<count {
          let row = try row(index)
          var record = row.record
          CopyText.append(record, to: &buffer)
          try tiles.add(leaf: row.leafHash, position: record.position, store: tileBuffer)
          if let org = row.organization { links.insert(OrganizationLink(org: org, stream: record.stream.description)) }
          last = record.position
          record.payload = []
          written.append((row.index, record))
          CrashPoint.reach("append.row", count: written.count)
          if buffer.readableBytes >= 1 << 20 {
            try await writer.write(buffer)
            buffer.clear()
          }
        }
        if buffer.readableBytes > 0 { try await writer.write(buffer) }
      }
    } catch let error as StoredDataError {
      throw error
    } catch {
      throw PostgresFailure(doing: "writing events to \(location)", error: error)
    }
    try await insertLinks(links)
    try await insertNodes(tileBuffer.takePending())
    try await rows(
      "SELECT pg_notify(\(PostgresSchema.appendChannel), \(String(last)))", doing: "announcing the append")
    return written
  }

  private func insertLinks(_ links: Set<OrganizationLink>) async throws {
    guard !links.isEmpty else { return }
    let orgs = links.map(\.org)
    let streams = links.map(\.stream)
    try await rows(
      """
      INSERT INTO org_streams (org, stream) SELECT * FROM unnest(\(orgs)::text[], \(streams)::text[])
      ON CONFLICT DO NOTHING
      """, doing: "indexing the events' organizations")
  }

  private func insertNodes(_ nodes: [PostgresTileBuffer.Node]) async throws {
    guard !nodes.isEmpty else { return }
    let levels = nodes.map { Int32($0.level) }
    let indexes = nodes.map(\.index)
    let hashes = nodes.map { ByteBuffer(bytes: $0.hash) }
    try await rows(
      """
      INSERT INTO merkle_tiles (level, idx, hash)
      SELECT * FROM unnest(\(levels)::integer[], \(indexes)::bigint[], \(hashes)::bytea[])
      """, doing: "storing the Merkle tree's nodes")
  }
}

/// One row of the organization index.
struct OrganizationLink: Hashable {
  let org: String
  let stream: String
}

/// The stored log as the append's plan asks about it: every id and stream the batch names,
/// fetched before judging (one query each, the streams whose versions the connection does not
/// know yet), served from memory.
private struct PostgresAppendLookups: AppendLookups {
  private var events: [String: (position: Int64, content: EventContent)] = [:]
  /// The version of every stream the batch names.
  private(set) var versions: [String: Int] = [:]

  init(fetchingFor batch: [ProposedEvent], knowing known: [String: Int], log: PostgresEventLog) async throws {
    let ids = Array(Set(batch.flatMap { [$0.id, $0.corrects].compactMap { $0 } }))
    var streams: [String] = []
    for stream in Set(batch.map { $0.event.stream.description }) {
      if let version = known[stream] { versions[stream] = version } else { streams.append(stream) }
    }
    for stream in streams { versions[stream] = 0 }
    for chunk in ids.chunked(by: Self.chunk) {
      let rows = try await log.rows(
        """
        SELECT position, event_id, type, effective, actor_id, actor_role, corrects, reason, payload
        FROM events WHERE event_id = ANY(\(chunk)::text[])
        """, doing: "looking up the batch's event ids")
      for row in rows {
        let (position, id, type, effective, actor, role, corrects, reason, payload) = try row.decode(
          (Int64, String, String, String, String?, String?, String?, String?, ByteBuffer).self)
        events[id] = (
          position,
          EventContent(
            typeName: type, effective: effective, actor: actor.map { Actor(id: $0, role: role) },
            corrects: corrects, reason: reason, payload: Array(payload.readableBytesView))
        )
      }
    }
    for chunk in streams.chunked(by: Self.chunk) {
      let rows = try await log.rows(
        "SELECT stream, max(stream_version) FROM events WHERE stream = ANY(\(chunk)::text[]) GROUP BY stream",
        doing: "reading the batch's stream versions")
      for row in rows {
        let (stream, version) = try row.decode((String, Int32).self)
        versions[stream] = Int(version)
      }
    }
  }

  /// How many ids or streams one lookup query names.
  private static let chunk = 10_000

  func storedEvent(id: String) -> (position: Int64, content: EventContent)? { events[id] }

  func storedVersion(of stream: StreamName) -> Int { versions[stream.description] ?? 0 }
}

extension Array {
  /// The elements in runs of at most `size`.
  fileprivate func chunked(by size: Int) -> [[Element]] {
    stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
  }
}
