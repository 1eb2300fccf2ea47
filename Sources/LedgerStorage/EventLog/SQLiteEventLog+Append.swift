public import LedgerCore

extension SQLiteEventLog {
  /// Appends all events in one `BEGIN IMMEDIATE` transaction, or none.
  ///
  /// An ``AppendPlan`` judges every event first; when none has a problem, an
  /// ``AppendSealer`` links them one by one and this writes each row, indexes its stream under
  /// the organization it names and extends the stored tree. On any problem the transaction
  /// rolls back and ``AppendRejection`` names them all.
  public func append(_ events: [ProposedEvent]) throws -> AppendReceipt {
    do {
      return try connection.immediateTransaction {
        trimCaches()
        var sealer = AppendSealer(head: try storedHead(), clock: clock)
        var plan = AppendPlan()
        let lookups = SQLiteAppendLookups(log: self)
        for (index, proposed) in events.enumerated() {
          try plan.judge(proposed, index: index, lookups: lookups)
        }
        try plan.refuseProblems()
        var written = 0
        let appended = try sealer.seal(plan.accepted) { row in
          try write(row)
          written += 1
          CrashPoint.reach("append.row", count: written)
        }
        let receipt = try plan.receipt(appended: appended)
        appendTransactions += 1
        CrashPoint.reach("append.commit", count: appendTransactions)
        cachedHead = sealer.head.position
        streamsKnownAbsent.removeAll()
        return receipt
      }
    } catch {
      // The transaction rolled back: anything cached during it (new streams, versions,
      // index rows) may not exist.
      forgetCaches()
      throw error
    }
  }

  /// Appends records sealed by another ledger as they are (``VerbatimAppending``), in one
  /// `BEGIN IMMEDIATE` transaction, or none.
  public func appendVerbatim(_ records: [EventRecord]) throws {
    do {
      try connection.immediateTransaction {
        var head = try storedHead()
        for record in records {
          try write(try AppendPlan.Row(copying: record, after: &head))
        }
        cachedHead = head.position
        streamsKnownAbsent.removeAll()
      }
    } catch {
      forgetCaches()
      throw error
    }
  }

  public func inOneTransaction<T>(_ body: () async throws -> T) async throws -> T {
    do {
      return try await connection.immediateTransaction(body)
    } catch {
      forgetCaches()
      throw error
    }
  }

  public func position(ofEventID id: String) throws -> Int64? {
    let lookup = try connection.statement("SELECT position FROM events WHERE event_id = ?")
    defer { lookup.reset() }
    lookup.bind(1, eventID: id)
    return try lookup.step() ? lookup.int64(0) : nil
  }

  /// Keeps the caches bounded in a long-lived writer; anything dropped is read again.
  func trimCaches() {
    if streamVersions.count >= Self.streamCacheLimit { streamVersions.removeAll(keepingCapacity: true) }
    if streamNumbers.count >= Self.streamCacheLimit { streamNumbers.removeAll(keepingCapacity: true) }
    if organizationStreams.count >= Self.streamCacheLimit { organizationStreams.removeAll(keepingCapacity: true) }
  }

  /// Drops every cache filled from the database; the next reads refill them.
  func forgetCaches() {
    streamVersions.removeAll()
    streamNumbers.removeAll()
    streamNames.removeAll()
    organizationStreams.removeAll()
    streamsKnownAbsent.removeAll()
    voidingCache.removeAll()
    voidingLoadedThrough = 0
    tiles = MerkleTiles(leaves: [])
    cachedHead = -1
  }

  /// The last stored event; when another writer moved the head since this connection's last
  /// append, the caches are dropped and the tree's open tile is read again.
  private func storedHead() throws -> LogHead {
    let last = try connection.statement("SELECT position, envelope FROM events ORDER BY position DESC LIMIT 1")
    defer { last.reset() }
    var head = LogHead.empty
    if try last.step() {
      // Read whole: an append must not chain onto a head row it cannot read.
      let position = last.int64(0)
      let fields = try last.envelope(1, position: position)
      head = LogHead(position: position, hash: fields.hash.bytes, recorded: fields.recorded.microseconds)
    }
    if head.position != cachedHead {
      forgetCaches()
      try prepareTree(head: head.position)
    }
    return head
  }

  /// Writes one planned row: the event, its stream's number and organization link, and the
  /// tree nodes it completes.
  private func write(_ row: AppendPlan.Row) throws {
    let record = row.record
    let streamNumber = try streamNumberCreating(record.stream)
    do {
      try StoredEnvelope.write(record, into: &envelope)
    } catch {
      throw StoredDataError(position: record.position, reason: error.reason)
    }
    let insert = try insertEventStatement()
    insert.bind(1, record.position)
    insert.bind(2, eventID: record.id)
    insert.bind(3, streamNumber)
    insert.bind(4, Int64(record.streamVersion))
    insert.bind(5, eventID: record.corrects)
    insert.bind(6, blob: envelope)
    insert.bind(7, blob: record.payload)
    try insert.run()
    streamVersions[streamNumber] = record.streamVersion
    try tiles.add(leaf: row.leafHash, position: record.position, store: SQLiteTileStore(log: self))
    if let org = row.organization { try linkOrganization(org, streamNumber: streamNumber) }
  }

  /// The event insert, prepared once per connection and kept by the log (finding it in the
  /// connection's cache would hash its SQL text for every row).
  private func insertEventStatement() throws -> SQLiteStatement {
    if let insertEvent { return insertEvent }
    let statement = try connection.statement(
      "INSERT INTO events (\(EventRowLayout.compact.selectedColumns)) VALUES (?, ?, ?, ?, ?, ?, ?)")
    insertEvent = statement
    return statement
  }

  private func linkOrganization(_ org: String, streamNumber: Int64) throws {
    let link = OrganizationStream(org: org, stream: streamNumber)
    guard !organizationStreams.contains(link) else { return }
    let insert = try connection.statement("INSERT OR IGNORE INTO org_streams (org, stream_no) VALUES (?, ?)")
    insert.bind(1, org)
    insert.bind(2, streamNumber)
    try insert.run()
    organizationStreams.insert(link)
  }

  private func streamNumberCreating(_ stream: StreamName) throws -> Int64 {
    // The plan asked for this stream's version and it had none: no need to look again.
    if streamsKnownAbsent.remove(stream) == nil, let number = try streamNumber(of: stream) { return number }
    voidingCache.removeAll()
    voidingLoadedThrough = 0
    let insert = try connection.statement("INSERT INTO streams (name) VALUES (?) RETURNING stream_no")
    defer { insert.reset() }
    insert.bind(1, stream.description)
    _ = try insert.step()
    let number = insert.int64(0)
    streamNumbers[stream] = number
    streamNames.insert(stream, number: number)
    streamVersions[number] = 0
    return number
  }

  /// The stored version of the stream numbered `number`, cached until another writer moves
  /// the head.
  func storedVersion(ofStreamNumber number: Int64) throws -> Int {
    if let version = streamVersions[number] { return version }
    let version = Int(
      try connection.integerBinding("SELECT max(stream_version) FROM events WHERE stream_no = ?", number) ?? 0)
    streamVersions[number] = version
    return version
  }
}

/// The stored log as the append's plan asks about it, inside the transaction.
private struct SQLiteAppendLookups: AppendLookups {
  let log: SQLiteEventLog

  func storedEvent(id: String) throws -> (position: Int64, content: EventContent)? {
    let lookup = try log.connection.statement(
      "SELECT position, corrects, envelope, payload FROM events WHERE event_id = ?")
    defer { lookup.reset() }
    lookup.bind(1, eventID: id)
    guard try lookup.step() else { return nil }
    let position = lookup.int64(0)
    let fields = try lookup.envelope(2, position: position)
    let content = EventContent(
      typeName: fields.typeName, effective: fields.effective.description, actor: fields.actor,
      corrects: lookup.eventID(1), reason: fields.reason, payload: lookup.blob(3))
    return (position, content)
  }

  func storedVersion(of stream: StreamName) throws -> Int {
    guard let number = try log.streamNumber(of: stream) else {
      log.streamsKnownAbsent.insert(stream)
      return 0
    }
    return try log.storedVersion(ofStreamNumber: number)
  }
}
