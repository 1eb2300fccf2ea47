public import LedgerCore

extension SQLiteEventLog {
  /// Appends all events in one `BEGIN IMMEDIATE` transaction, or none.
  ///
  /// Each event is checked against the log and the earlier events of the batch: a known
  /// id with the same content is a no-op, with other content a problem; `corrects` must
  /// name an earlier event; an expected stream version must match. Every problem is
  /// collected, then the transaction rolls back and ``AppendRejection`` names them all.
  public func append(_ events: [ProposedEvent]) throws -> AppendReceipt {
    do {
      return try connection.immediateTransaction {
        trimCaches()
        var batch = AppendBatch(log: self)
        try batch.start()
        for (index, proposed) in events.enumerated() {
          try batch.add(proposed, index: index)
        }
        guard batch.problems.isEmpty else { throw AppendRejection(problems: batch.problems) }
        appendTransactions += 1
        CrashPoint.reach("append.commit", count: appendTransactions)
        cachedHead = batch.head
        return AppendReceipt(appended: batch.appended, alreadyPresent: batch.alreadyPresent)
      }
    } catch {
      // The transaction rolled back: anything cached during it (new streams, versions,
      // index rows) may not exist.
      forgetCaches()
      throw error
    }
  }

  public func inOneTransaction<T>(_ body: () throws -> T) throws -> T {
    do {
      return try connection.immediateTransaction(body)
    } catch {
      forgetCaches()
      throw error
    }
  }

  public func position(ofEventID id: String) throws -> Int64? {
    let lookup = try connection.statement("SELECT position FROM events WHERE event_id = ?")
    defer { lookup.reset() }
    lookup.bind(1, id)
    return try lookup.step() ? lookup.int64(0) : nil
  }

  /// Keeps the caches bounded in a long-lived writer; anything dropped is read again.
  func trimCaches() {
    if streamVersions.count >= Self.streamCacheLimit { streamVersions.removeAll(keepingCapacity: true) }
    if streamNumbers.count >= Self.streamCacheLimit { streamNumbers.removeAll(keepingCapacity: true) }
    if streamNames.count >= Self.streamCacheLimit { streamNames.removeAll(keepingCapacity: true) }
    if organizationStreams.count >= Self.streamCacheLimit { organizationStreams.removeAll(keepingCapacity: true) }
  }

  /// Drops every cache filled from the database; the next reads refill them.
  func forgetCaches() {
    streamVersions.removeAll()
    streamNumbers.removeAll()
    streamNames.removeAll()
    organizationStreams.removeAll()
    tileLeaves.removeAll()
    cachedHead = -1
  }
}

/// The state of one append transaction.
private struct AppendBatch {
  let log: SQLiteEventLog
  var head: Int64 = 0
  var previousHash = HashChain.genesis
  var lastRecorded: Int64 = .min
  var appended: [AppendReceipt.Appended] = []
  var alreadyPresent: [Int] = []
  var problems: [AppendRejection.Problem] = []
  /// Ids of this batch, with the content each was first given.
  var batchIDs: [String: (index: Int, content: EventContent)] = [:]

  init(log: SQLiteEventLog) {
    self.log = log
  }

  mutating func start() throws {
    let last = try log.connection.statement(
      "SELECT position, hash, recorded FROM events ORDER BY position DESC LIMIT 1")
    defer { last.reset() }
    if try last.step() {
      head = last.int64(0)
      previousHash = last.blob(1)
      lastRecorded = last.int64(2)
    }
    if head != log.cachedHead {
      log.forgetCaches()
      try log.prepareTree(head: head)
    }
  }

  mutating func add(_ proposed: ProposedEvent, index: Int) throws {
    if let field = proposed.unstorableField {
      problems.append(.init(index: index, reason: "\(field) is not in canonical form (NFC, no NUL characters)"))
      return
    }
    let content = EventContent(proposed)
    if let id = proposed.id {
      if let earlier = batchIDs[id] {
        if earlier.content == content {
          alreadyPresent.append(index)
        } else {
          problems.append(
            .init(index: index, reason: "event id \"\(id)\" appears twice in the input with different content"))
        }
        return
      }
      if let stored = try storedContent(id: id) {
        if stored.content == content {
          alreadyPresent.append(index)
        } else {
          problems.append(
            .init(
              index: index,
              reason: "event id \"\(id)\" is already recorded at position \(stored.position) with different content"))
        }
        batchIDs[id] = (index, content)
        return
      }
    }
    if let target = proposed.corrects, batchIDs[target] == nil, try storedContent(id: target) == nil {
      problems.append(.init(index: index, reason: "field \"corrects\" names an unknown event id \"\(target)\""))
      return
    }
    let stream = proposed.event.stream
    let streamNumber = try streamNumber(for: stream)
    let version = try currentVersion(of: streamNumber)
    if let expected = proposed.expectedVersion, expected != version {
      problems.append(
        .init(
          index: index, reason: "stream \(stream) is at version \(version), not the expected \(expected)",
          isConflict: true))
      return
    }
    if let clientID = proposed.id { batchIDs[clientID] = (index, content) }
    // The stream moves on even when nothing will be written, so later events of the batch are
    // judged against the version they would meet; a rollback drops this cache anyway.
    log.streamVersions[streamNumber] = version + 1
    guard problems.isEmpty else { return }
    lastRecorded = max(log.clock.now().microseconds, lastRecorded + 1)
    let id = proposed.id ?? EventID.generate(microseconds: lastRecorded)
    head += 1
    var record = EventRecord(
      position: head, id: id, stream: stream, streamVersion: version + 1, typeName: content.typeName,
      schemaVersion: LedgerEvent.currentSchemaVersion, effective: proposed.effective,
      recorded: RecordedInstant(microseconds: lastRecorded), actor: proposed.actor, corrects: proposed.corrects,
      reason: proposed.reason, payload: content.payload, hash: [], writer: proposed.writer,
      unchecked: proposed.unchecked)
    let canonical = record.canonicalBytes
    record.hash = HashChain.link(previous: previousHash, canonical: canonical)
    previousHash = record.hash
    try insert(record, streamNumber: streamNumber)
    try log.extendTree(leaf: MerkleTree.leafHash(canonical), position: record.position)
    if let org = proposed.event.organization { try linkOrganization(org, streamNumber: streamNumber) }
    appended.append(
      .init(index: index, position: record.position, id: record.id, stream: stream, streamVersion: record.streamVersion)
    )
    CrashPoint.reach("append.row", count: appended.count)
  }

  private func insert(_ record: EventRecord, streamNumber: Int64) throws {
    let insert = try log.connection.statement(
      "INSERT INTO events (\(LedgerSchema.eventColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    insert.bind(1, record.position)
    insert.bind(2, record.id)
    insert.bind(3, streamNumber)
    insert.bind(4, Int64(record.streamVersion))
    insert.bind(5, record.typeName)
    insert.bind(6, Int64(record.schemaVersion))
    insert.bind(7, record.effective.description)
    insert.bind(8, record.recorded.microseconds)
    insert.bind(9, record.actor?.id)
    insert.bind(10, record.actor?.role)
    insert.bind(11, record.corrects)
    insert.bind(12, record.reason)
    insert.bind(13, blob: record.payload)
    insert.bind(14, blob: record.hash)
    insert.bind(15, record.writer)
    insert.bind(16, record.unchecked ? 1 : 0)
    try insert.run()
  }

  private func linkOrganization(_ org: String, streamNumber: Int64) throws {
    let link = OrganizationStream(org: org, stream: streamNumber)
    guard !log.organizationStreams.contains(link) else { return }
    let insert = try log.connection.statement("INSERT OR IGNORE INTO org_streams (org, stream_no) VALUES (?, ?)")
    insert.bind(1, org)
    insert.bind(2, streamNumber)
    try insert.run()
    log.organizationStreams.insert(link)
  }

  private func storedContent(id: String) throws -> (position: Int64, content: EventContent)? {
    let lookup = try log.connection.statement(
      "SELECT position, type, effective, actor_id, actor_role, corrects, reason, payload FROM events WHERE event_id = ?"
    )
    defer { lookup.reset() }
    lookup.bind(1, id)
    guard try lookup.step() else { return nil }
    let actor = lookup.text(3).map { Actor(id: $0, role: lookup.text(4)) }
    let content = EventContent(
      typeName: lookup.text(1) ?? "", effective: lookup.text(2) ?? "", actor: actor, corrects: lookup.text(5),
      reason: lookup.text(6), payload: lookup.blob(7))
    return (lookup.int64(0), content)
  }

  private func streamNumber(for stream: StreamName) throws -> Int64 {
    let name = stream.description
    if let number = try log.streamNumber(named: name) { return number }
    let insert = try log.connection.statement("INSERT INTO streams (name) VALUES (?) RETURNING stream_no")
    defer { insert.reset() }
    insert.bind(1, name)
    _ = try insert.step()
    let number = insert.int64(0)
    log.streamNumbers[name] = number
    log.streamNames[number] = stream
    log.streamVersions[number] = 0
    return number
  }

  private func currentVersion(of streamNumber: Int64) throws -> Int {
    if let version = log.streamVersions[streamNumber] { return version }
    let version = Int(
      try log.connection.integerBinding(
        "SELECT max(stream_version) FROM events WHERE stream_no = ?", streamNumber) ?? 0)
    log.streamVersions[streamNumber] = version
    return version
  }
}

/// What makes two events with the same id "the same content".
private struct EventContent: Equatable {
  let typeName: String
  let effective: String
  let actor: Actor?
  let corrects: String?
  let reason: String?
  let payload: [UInt8]

  init(typeName: String, effective: String, actor: Actor?, corrects: String?, reason: String?, payload: [UInt8]) {
    self.typeName = typeName
    self.effective = effective
    self.actor = actor
    self.corrects = corrects
    self.reason = reason
    self.payload = payload
  }

  init(_ proposed: ProposedEvent) {
    self.init(
      typeName: proposed.event.typeName, effective: proposed.effective.description, actor: proposed.actor,
      corrects: proposed.corrects, reason: proposed.reason, payload: proposed.event.canonicalPayload)
  }
}
