public import LedgerCore

extension SQLiteEventLog: ReadModelStore {
  public var keepsReadModels: Bool { !isReadOnly }

  public func projectingAlone<T>(_ body: () async throws -> T) async throws -> T { try await body() }

  public func readModelCheckpoint() throws -> ReadModelCheckpoint? {
    // A ledger older than schema 6, opened only to read, has no read models.
    guard
      try connection.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'read_model_checkpoint'") == 1
    else { return nil }
    let statement = try connection.statement("SELECT position, rules FROM read_model_checkpoint WHERE id = 1")
    defer { statement.reset() }
    guard try statement.step(), let rules = statement.text(1) else { return nil }
    return ReadModelCheckpoint(position: statement.int64(0), rules: rules)
  }

  public func organizationsConcerned(after: Int64, through: Int64) throws -> [String: Int64] {
    var concerned: [String: Int64] = [:]
    for sql in [
      """
      SELECT o.org, MAX(e.position) FROM events e JOIN org_streams o ON o.stream_no = e.stream_no
      WHERE e.position > ?1 AND e.position <= ?2 GROUP BY o.org
      """,
      """
      SELECT o.org, MAX(e.position) FROM events e JOIN events v ON v.event_id = e.corrects
      JOIN org_streams o ON o.stream_no = v.stream_no
      WHERE e.corrects IS NOT NULL AND e.position > ?1 AND e.position <= ?2 GROUP BY o.org
      """,
    ] {
      let statement = try connection.statement(sql)
      defer { statement.reset() }
      statement.bind(1, after)
      statement.bind(2, through)
      while try statement.step() {
        guard let org = statement.text(0) else { continue }
        concerned[org] = max(concerned[org] ?? 0, statement.int64(1))
      }
    }
    return concerned
  }

  public func readModelHeaders() throws -> [String: OrganizationReadModel.Header] {
    let statement = try connection.statement("SELECT org, folded_at, horizon FROM read_models")
    defer { statement.reset() }
    var headers: [String: OrganizationReadModel.Header] = [:]
    while try statement.step() {
      guard let org = statement.text(0) else { continue }
      headers[org] = .init(foldedAt: statement.int64(1), horizon: CivilDate(dayNumber: Int(statement.int64(2))))
    }
    return headers
  }

  public func saveReadModels(
    _ models: [OrganizationReadModel], removing removed: [String], checkpoint: ReadModelCheckpoint?
  ) throws {
    try connection.immediateTransaction {
      var arrivals = try connection.integer("SELECT arrivals FROM read_model_checkpoint WHERE id = 1") ?? 0
      for org in removed { try removeReadModel(of: org) }
      for model in models {
        // Another projector may have saved a model folded later: it stands.
        if let saved = try foldedPosition(of: model.org), saved > model.header.foldedAt { continue }
        let earlier = try arrivalNumbers(of: model.org)
        try removeReadModel(of: model.org)
        let header = try connection.statement(
          "INSERT INTO read_models (org, folded_at, horizon) VALUES (?, ?, ?)")
        header.bind(1, model.org)
        header.bind(2, model.header.foldedAt)
        header.bind(3, Int64(model.header.horizon.dayNumber))
        try header.run()
        let statuses = try connection.statement("INSERT INTO read_model_statuses (org, timeline) VALUES (?, ?)")
        statuses.bind(1, model.org)
        statuses.bind(2, blob: model.statuses)
        try statuses.run()
        for alert in model.alerts {
          let arrival: Int64
          if let kept = earlier[alert.id] {
            arrival = kept
          } else {
            arrivals += 1
            arrival = arrivals
          }
          try insert(alert, arrival: arrival)
        }
      }
      let update = try connection.statement(
        checkpoint == nil
          ? "UPDATE read_model_checkpoint SET arrivals = ?1 WHERE id = 1"
          : "UPDATE read_model_checkpoint SET arrivals = ?1, position = MAX(position, ?2), rules = ?3 WHERE id = 1")
      update.bind(1, arrivals)
      if let checkpoint {
        update.bind(2, checkpoint.position)
        update.bind(3, checkpoint.rules)
      }
      try update.run()
    }
  }

  public func resetReadModels(to checkpoint: ReadModelCheckpoint) throws {
    try connection.immediateTransaction {
      try connection.execute(
        "DELETE FROM read_model_alerts; DELETE FROM read_model_statuses; DELETE FROM read_models")
      // The arrival numbers go on from where they were: sinks' cursors count on them.
      let upsert = try connection.statement(
        """
        INSERT INTO read_model_checkpoint (id, position, rules, arrivals) VALUES (1, ?1, ?2, 0)
        ON CONFLICT (id) DO UPDATE SET position = excluded.position, rules = excluded.rules
        """)
      upsert.bind(1, checkpoint.position)
      upsert.bind(2, checkpoint.rules)
      try upsert.run()
    }
  }

  public func projectedAlerts(
    org: String?, from: CivilDate?, through: CivilDate, at checkpoint: ReadModelCheckpoint
  ) throws -> ProjectedAlerts? {
    // A savepoint outside any transaction is a read transaction: one snapshot for all below.
    try connection.execute("SAVEPOINT read_models")
    defer { try? connection.execute("RELEASE read_models") }
    let head = try connection.integer("SELECT COALESCE(MAX(position), 0) FROM events") ?? 0
    guard head == checkpoint.position, try readModelCheckpoint() == checkpoint else { return nil }
    let short = try connection.statement(
      org == nil
        ? "SELECT org FROM read_models WHERE horizon < ?1 ORDER BY org"
        : "SELECT org FROM read_models WHERE org = ?2 AND horizon >= ?1")
    short.bind(1, Int64(through.dayNumber))
    if let org { short.bind(2, org) }
    var listed: [String] = []
    while try short.step() { listed.append(short.text(0) ?? "") }
    short.reset()
    if let org {
      // One organization: answered by the model only when it has one reaching that far.
      guard !listed.isEmpty else { return ProjectedAlerts(alerts: [], replay: [org]) }
      return ProjectedAlerts(alerts: try alerts(of: org, from: from, through: through), replay: [])
    }
    let replayed = Set(listed)
    return ProjectedAlerts(
      alerts: try alerts(of: nil, from: from, through: through).filter { !replayed.contains($0.org) },
      replay: listed)
  }

  public func projectedStatuses(of org: String, at checkpoint: ReadModelCheckpoint) throws -> ProjectedStatuses? {
    try connection.execute("SAVEPOINT read_models")
    defer { try? connection.execute("RELEASE read_models") }
    let head = try connection.integer("SELECT COALESCE(MAX(position), 0) FROM events") ?? 0
    guard head == checkpoint.position, try readModelCheckpoint() == checkpoint else { return nil }
    let statement = try connection.statement("SELECT timeline FROM read_model_statuses WHERE org = ?")
    defer { statement.reset() }
    statement.bind(1, org)
    return try statement.step() ? .encoded(statement.blob(0)) : ProjectedStatuses.none
  }

  private func alerts(of org: String?, from: CivilDate?, through: CivilDate) throws -> [ProjectedAlert] {
    // The whole fleet is read in the table's own order; one organization through its index.
    let statement = try connection.statement(
      org == nil
        ? """
        SELECT \(Self.alertColumns) FROM read_model_alerts WHERE effective >= ?1 AND effective <= ?2
        ORDER BY effective, org, sequence
        """
        : """
        SELECT \(Self.alertColumns) FROM read_model_alerts INDEXED BY read_model_alerts_by_org
        WHERE org = ?3 AND effective >= ?1 AND effective <= ?2 ORDER BY effective, sequence
        """)
    defer { statement.reset() }
    statement.bind(1, Int64(from?.dayNumber ?? Int(Int32.min)))
    statement.bind(2, Int64(through.dayNumber))
    if let org { statement.bind(3, org) }
    var alerts: [ProjectedAlert] = []
    while try statement.step() { alerts.append(try projectedAlert(statement)) }
    return alerts
  }

  public func alertsDue(
    after cursor: AlertCursor?, through day: CivilDate
  ) throws -> (
    alerts: [ProjectedAlert], cursor: AlertCursor
  ) {
    let arrivals = try connection.integer("SELECT arrivals FROM read_model_checkpoint WHERE id = 1") ?? 0
    let next = AlertCursor(arrival: arrivals, day: max(cursor?.day ?? day, day))
    let through = Int64(day.dayNumber)
    var due: [ProjectedAlert] = []
    guard let cursor else {
      let statement = try connection.statement(
        """
        SELECT \(Self.alertColumns) FROM read_model_alerts WHERE effective <= ?1 AND arrival <= ?2
        ORDER BY effective, org, sequence
        """)
      defer { statement.reset() }
      statement.bind(1, through)
      statement.bind(2, arrivals)
      while try statement.step() { due.append(try projectedAlert(statement)) }
      return (due, next)
    }
    // Arrived since the cursor, or fallen due since its day: two index ranges, merged.
    var seen: Set<String> = []
    for sql in [
      "SELECT \(Self.alertColumns) FROM read_model_alerts WHERE arrival > ?3 AND arrival <= ?2 AND effective <= ?1",
      "SELECT \(Self.alertColumns) FROM read_model_alerts WHERE effective > ?4 AND effective <= ?1 AND arrival <= ?2",
    ] {
      let statement = try connection.statement(sql)
      defer { statement.reset() }
      statement.bind(1, through)
      statement.bind(2, arrivals)
      statement.bind(3, cursor.arrival)
      statement.bind(4, Int64(cursor.day.dayNumber))
      while try statement.step() {
        let alert = try projectedAlert(statement)
        if seen.insert("\(alert.org)\u{1F}\(alert.sequence)").inserted { due.append(alert) }
      }
    }
    due.sort { ($0.effective, $0.org, $0.sequence) < ($1.effective, $1.org, $1.sequence) }
    return (due, next)
  }

  public func alertCursor(sink: String) throws -> AlertCursor? {
    let statement = try connection.statement("SELECT arrival, day FROM sink_cursors WHERE sink = ?")
    defer { statement.reset() }
    statement.bind(1, sink)
    guard try statement.step() else { return nil }
    return AlertCursor(arrival: statement.int64(0), day: CivilDate(dayNumber: Int(statement.int64(1))))
  }

  public func saveAlertCursor(_ cursor: AlertCursor, sink: String) throws {
    let upsert = try connection.statement(
      """
      INSERT INTO sink_cursors (sink, arrival, day) VALUES (?1, ?2, ?3)
      ON CONFLICT (sink) DO UPDATE SET arrival = excluded.arrival, day = excluded.day
      """)
    defer { upsert.reset() }
    upsert.bind(1, sink)
    upsert.bind(2, cursor.arrival)
    upsert.bind(3, Int64(cursor.day.dayNumber))
    try upsert.run()
  }

  private static let alertColumns = """
    org, sequence, id, effective, kind, competency, state, cause, message, reminder, anniversary
    """

  private func projectedAlert(_ row: SQLiteStatement) throws -> ProjectedAlert {
    guard let org = row.text(0), let id = row.text(2), let kind = row.text(4), let state = row.text(6),
      let cause = row.text(7), let message = row.text(8)
    else {
      throw StoredDataError(position: nil, reason: "a read model alert lacks a required column")
    }
    return ProjectedAlert(
      id: id, org: org, sequence: Int(row.int64(1)), effective: CivilDate(dayNumber: Int(row.int64(3))), kind: kind,
      competency: row.text(5), state: state, cause: cause, message: message, reminder: row.text(9),
      anniversary: row.isNull(10) ? nil : CivilDate(dayNumber: Int(row.int64(10))))
  }

  private func insert(_ alert: ProjectedAlert, arrival: Int64) throws {
    let insert = try connection.statement(
      """
      INSERT INTO read_model_alerts (org, sequence, arrival, id, effective, kind, competency, state, cause, message,
        reminder, anniversary) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
      """)
    insert.bind(1, alert.org)
    insert.bind(2, Int64(alert.sequence))
    insert.bind(3, arrival)
    insert.bind(4, alert.id)
    insert.bind(5, Int64(alert.effective.dayNumber))
    insert.bind(6, alert.kind)
    insert.bind(7, alert.competency)
    insert.bind(8, alert.state)
    insert.bind(9, alert.cause)
    insert.bind(10, alert.message)
    insert.bind(11, alert.reminder)
    if let anniversary = alert.anniversary {
      insert.bind(12, Int64(anniversary.dayNumber))
    } else {
      insert.bind(12, nil as String?)
    }
    try insert.run()
  }

  private func foldedPosition(of org: String) throws -> Int64? {
    let statement = try connection.statement("SELECT folded_at FROM read_models WHERE org = ?")
    defer { statement.reset() }
    statement.bind(1, org)
    return try statement.step() ? statement.int64(0) : nil
  }

  /// The arrival number of each alert in the organization's model, by id.
  private func arrivalNumbers(of org: String) throws -> [String: Int64] {
    let statement = try connection.statement("SELECT id, arrival FROM read_model_alerts WHERE org = ?")
    defer { statement.reset() }
    statement.bind(1, org)
    var arrivals: [String: Int64] = [:]
    while try statement.step() {
      if let id = statement.text(0) {
        arrivals[id] = arrivals[id].map { min($0, statement.int64(1)) } ?? statement.int64(1)
      }
    }
    return arrivals
  }

  private func removeReadModel(of org: String) throws {
    for sql in [
      "DELETE FROM read_model_alerts WHERE org = ?", "DELETE FROM read_model_statuses WHERE org = ?",
      "DELETE FROM read_models WHERE org = ?",
    ] {
      let statement = try connection.statement(sql)
      statement.bind(1, org)
      try statement.run()
    }
  }
}
