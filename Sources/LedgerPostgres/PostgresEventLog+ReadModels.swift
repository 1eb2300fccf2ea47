public import LedgerCore
import PostgresNIO

extension PostgresEventLog: ReadModelStore {
  public var keepsReadModels: Bool { !isReadOnly }

  /// Holds a session-level advisory lock around `body`: released when `body` ends, or by the
  /// server when the process dies.
  public func projectingAlone<T>(_ body: () async throws -> T) async throws -> T {
    try await rows("SELECT pg_advisory_lock(\(PostgresSchema.projectorLock))", doing: "taking the projector's lock")
    do {
      let result = try await body()
      try await rows("SELECT pg_advisory_unlock(\(PostgresSchema.projectorLock))", doing: "releasing it")
      return result
    } catch {
      _ = try? await rows("SELECT pg_advisory_unlock(\(PostgresSchema.projectorLock))", doing: "releasing it")
      throw error
    }
  }

  public func readModelCheckpoint() async throws -> ReadModelCheckpoint? {
    guard
      let row = try await rows(
        "SELECT position, rules FROM read_model_checkpoint WHERE id = 1", doing: "reading the read models' checkpoint"
      ).first
    else { return nil }
    let (position, rules) = try row.decode((Int64, String).self)
    return ReadModelCheckpoint(position: position, rules: rules)
  }

  public func organizationsConcerned(after: Int64, through: Int64) async throws -> [String: Int64] {
    var concerned: [String: Int64] = [:]
    for query: PostgresQuery in [
      """
      SELECT o.org, max(e.position) FROM events e JOIN org_streams o ON o.stream = e.stream
      WHERE e.position > \(after) AND e.position <= \(through) GROUP BY o.org
      """,
      """
      SELECT o.org, max(e.position) FROM events e JOIN events v ON v.event_id = e.corrects
      JOIN org_streams o ON o.stream = v.stream
      WHERE e.corrects IS NOT NULL AND e.position > \(after) AND e.position <= \(through) GROUP BY o.org
      """,
    ] {
      for row in try await rows(query, doing: "finding whom events \(after + 1)…\(through) concern") {
        let (org, position) = try row.decode((String, Int64).self)
        concerned[org] = max(concerned[org] ?? 0, position)
      }
    }
    return concerned
  }

  public func readModelHeaders() async throws -> [String: OrganizationReadModel.Header] {
    var headers: [String: OrganizationReadModel.Header] = [:]
    for row in try await rows("SELECT org, folded_at, horizon FROM read_models", doing: "reading the read models") {
      let (org, folded, horizon) = try row.decode((String, Int64, Int32).self)
      headers[org] = .init(foldedAt: folded, horizon: CivilDate(dayNumber: Int(horizon)))
    }
    return headers
  }

  public func saveReadModels(
    _ models: [OrganizationReadModel], removing removed: [String], checkpoint: ReadModelCheckpoint?
  ) async throws {
    try await unitOfWork(holding: PostgresSchema.readModelLock) {
      var arrivals =
        try await value(
          "SELECT arrivals FROM read_model_checkpoint WHERE id = 1", as: Int64.self, doing: "reading the arrivals")
        ?? 0
      let orgs = models.map(\.org)
      let saved = try await foldedPositions(of: orgs)
      let kept = try await arrivalNumbers(of: orgs)
      // Another projector may have saved a model folded later: it stands.
      let newer = models.filter { model in saved[model.org].map { $0 <= model.header.foldedAt } ?? true }
      let replaced = removed + newer.map(\.org)
      for table in ["read_model_alerts", "read_model_statuses"] {
        try await rows(
          "DELETE FROM \(unescaped: table) WHERE org = ANY(\(replaced)::text[])", doing: "replacing read models")
      }
      try await rows("DELETE FROM read_models WHERE org = ANY(\(replaced)::text[])", doing: "replacing read models")
      var alerts = AlertColumns()
      for model in newer {
        for alert in model.alerts {
          let arrival: Int64
          if let earlier = kept[model.org]?[alert.id] {
            arrival = earlier
          } else {
            arrivals += 1
            arrival = arrivals
          }
          alerts.add(alert, arrival: arrival)
        }
      }
      try await rows(
        """
        INSERT INTO read_models (org, folded_at, horizon)
        SELECT * FROM unnest(\(newer.map(\.org))::text[], \(newer.map(\.header.foldedAt))::bigint[],
          \(newer.map { Int32($0.header.horizon.dayNumber) })::integer[])
        """, doing: "saving read models")
      try await alerts.insert(into: self)
      try await rows(
        """
        INSERT INTO read_model_statuses (org, timeline)
        SELECT * FROM unnest(\(newer.map(\.org))::text[], \(newer.map { ByteBuffer(bytes: $0.statuses) })::bytea[])
        """, doing: "saving the read models' statuses")
      if let checkpoint {
        try await rows(
          """
          UPDATE read_model_checkpoint SET arrivals = \(arrivals), position = greatest(position, \(checkpoint.position)),
            rules = \(checkpoint.rules) WHERE id = 1
          """, doing: "moving the read models' checkpoint")
      } else {
        try await rows(
          "UPDATE read_model_checkpoint SET arrivals = \(arrivals) WHERE id = 1", doing: "counting arrivals")
      }
    }
  }

  public func resetReadModels(to checkpoint: ReadModelCheckpoint) async throws {
    try await unitOfWork(holding: PostgresSchema.readModelLock) {
      try await rows("DELETE FROM read_model_alerts", doing: "dropping the read models")
      try await rows("DELETE FROM read_model_statuses", doing: "dropping the read models")
      try await rows("DELETE FROM read_models", doing: "dropping the read models")
      // The arrival numbers go on from where they were: sinks' cursors count on them.
      try await rows(
        """
        INSERT INTO read_model_checkpoint (id, position, rules, arrivals)
        VALUES (1, \(checkpoint.position), \(checkpoint.rules), 0)
        ON CONFLICT (id) DO UPDATE SET position = excluded.position, rules = excluded.rules
        """, doing: "resetting the read models' checkpoint")
    }
  }

  public func projectedAlerts(
    org: String?, from: CivilDate?, through: CivilDate, at checkpoint: ReadModelCheckpoint
  ) async throws -> ProjectedAlerts? {
    // One snapshot for the head, the checkpoint and the models.
    try await unitOfWork(holding: nil, begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
      guard try await headPosition() == checkpoint.position, try await readModelCheckpoint() == checkpoint else {
        return nil
      }
      let day = Int32(through.dayNumber)
      let short = try await rows(
        org.map { "SELECT org FROM read_models WHERE org = \($0) AND horizon >= \(day)" }
          ?? "SELECT org FROM read_models WHERE horizon < \(day) ORDER BY org",
        doing: "reading the read models' horizons"
      ).map { try $0.decode(String.self) }
      if let org {
        // One organization: answered by the model only when it has one reaching that far.
        guard !short.isEmpty else { return ProjectedAlerts(alerts: [], replay: [org]) }
        return ProjectedAlerts(alerts: try await alerts(of: org, from: from, through: through), replay: [])
      }
      let replayed = Set(short)
      return ProjectedAlerts(
        alerts: try await alerts(of: nil, from: from, through: through).filter { !replayed.contains($0.org) },
        replay: short)
    }
  }

  public func projectedStatuses(of org: String, at checkpoint: ReadModelCheckpoint) async throws -> ProjectedStatuses? {
    // One statement, so one snapshot: the head, the checkpoint and the model.
    guard
      let row = try await rows(
        """
        SELECT (SELECT coalesce(max(position), 0) FROM events), c.position, c.rules, s.timeline
        FROM read_model_checkpoint c LEFT JOIN read_model_statuses s ON s.org = \(org) WHERE c.id = 1
        """, doing: "reading \(org)'s statuses"
      ).first
    else { return nil }
    let (head, position, rules, timeline) = try row.decode((Int64, Int64, String, ByteBuffer?).self)
    guard head == checkpoint.position, ReadModelCheckpoint(position: position, rules: rules) == checkpoint else {
      return nil
    }
    return timeline.map { .encoded(Array($0.readableBytesView)) } ?? ProjectedStatuses.none
  }

  private func alerts(of org: String?, from: CivilDate?, through: CivilDate) async throws -> [ProjectedAlert] {
    let (first, last) = (Int32(from?.dayNumber ?? Int(Int32.min)), Int32(through.dayNumber))
    let query: PostgresQuery =
      if let org {
        """
        SELECT \(unescaped: Self.alertColumns) FROM read_model_alerts
        WHERE org = \(org) AND effective >= \(first) AND effective <= \(last) ORDER BY effective, sequence
        """
      } else {
        """
        SELECT \(unescaped: Self.alertColumns) FROM read_model_alerts
        WHERE effective >= \(first) AND effective <= \(last) ORDER BY effective, org, sequence
        """
      }
    return try await rows(query, doing: "reading the projected alerts").map(Self.projectedAlert)
  }

  public func alertsDue(
    after cursor: AlertCursor?, through day: CivilDate
  ) async throws -> (alerts: [ProjectedAlert], cursor: AlertCursor) {
    let arrivals =
      try await value("SELECT arrivals FROM read_model_checkpoint WHERE id = 1", as: Int64.self, doing: "arrivals")
      ?? 0
    let next = AlertCursor(arrival: arrivals, day: max(cursor?.day ?? day, day))
    let through = Int32(day.dayNumber)
    guard let cursor else {
      let due = try await rows(
        """
        SELECT \(unescaped: Self.alertColumns) FROM read_model_alerts WHERE effective <= \(through)
        AND arrival <= \(arrivals) ORDER BY effective, org, sequence
        """, doing: "reading the alerts due")
      return (try due.map(Self.projectedAlert), next)
    }
    // Arrived since the cursor, or fallen due since its day.
    let due = try await rows(
      """
      SELECT \(unescaped: Self.alertColumns) FROM read_model_alerts
      WHERE effective <= \(through) AND arrival <= \(arrivals)
        AND (arrival > \(cursor.arrival) OR effective > \(Int32(cursor.day.dayNumber)))
      ORDER BY effective, org, sequence
      """, doing: "reading the alerts due")
    return (try due.map(Self.projectedAlert), next)
  }

  public func alertCursor(sink: String) async throws -> AlertCursor? {
    guard
      let row = try await rows(
        "SELECT arrival, day FROM sink_cursors WHERE sink = \(sink)", doing: "reading \(sink)'s cursor"
      ).first
    else { return nil }
    let (arrival, day) = try row.decode((Int64, Int32).self)
    return AlertCursor(arrival: arrival, day: CivilDate(dayNumber: Int(day)))
  }

  public func saveAlertCursor(_ cursor: AlertCursor, sink: String) async throws {
    try await rows(
      """
      INSERT INTO sink_cursors (sink, arrival, day) VALUES (\(sink), \(cursor.arrival), \(Int32(cursor.day.dayNumber)))
      ON CONFLICT (sink) DO UPDATE SET arrival = excluded.arrival, day = excluded.day
      """, doing: "moving \(sink)'s cursor")
  }

  static let alertColumns =
    "org, sequence, id, effective, kind, competency, state, cause, message, reminder, anniversary"

  private static func projectedAlert(_ row: PostgresRow) throws -> ProjectedAlert {
    let (org, sequence, id, effective, kind, competency, state, cause, message, reminder, anniversary) =
      try row.decode(
        (String, Int32, String, Int32, String, String?, String, String, String, String?, Int32?).self)
    return ProjectedAlert(
      id: id, org: org, sequence: Int(sequence), effective: CivilDate(dayNumber: Int(effective)), kind: kind,
      competency: competency, state: state, cause: cause, message: message, reminder: reminder,
      anniversary: anniversary.map { CivilDate(dayNumber: Int($0)) })
  }

  private func foldedPositions(of orgs: [String]) async throws -> [String: Int64] {
    var folded: [String: Int64] = [:]
    for row in try await rows(
      "SELECT org, folded_at FROM read_models WHERE org = ANY(\(orgs)::text[])", doing: "reading the read models")
    {
      let (org, position) = try row.decode((String, Int64).self)
      folded[org] = position
    }
    return folded
  }

  /// The arrival number of each alert in the organizations' models, by organization and id.
  private func arrivalNumbers(of orgs: [String]) async throws -> [String: [String: Int64]] {
    var arrivals: [String: [String: Int64]] = [:]
    for row in try await rows(
      "SELECT org, id, arrival FROM read_model_alerts WHERE org = ANY(\(orgs)::text[])",
      doing: "reading the alerts' arrivals")
    {
      let (org, id, arrival) = try row.decode((String, String, Int64).self)
      arrivals[org, default: [:]][id] = min(arrivals[org]?[id] ?? arrival, arrival)
    }
    return arrivals
  }
}

/// Projected alerts as columns, inserted in one statement.
private struct AlertColumns {
  var orgs: [String] = []
  var sequences: [Int32] = []
  var arrivals: [Int64] = []
  var ids: [String] = []
  var effectives: [Int32] = []
  var kinds: [String] = []
  var competencies: [String] = []
  var states: [String] = []
  var causes: [String] = []
  var messages: [String] = []
  var reminders: [String] = []
  var anniversaries: [Int32] = []

  mutating func add(_ alert: ProjectedAlert, arrival: Int64) {
    orgs.append(alert.org)
    sequences.append(Int32(alert.sequence))
    arrivals.append(arrival)
    ids.append(alert.id)
    effectives.append(Int32(alert.effective.dayNumber))
    kinds.append(alert.kind)
    // Arrays cannot carry NULL through PostgresNIO's encoders: empty text and Int32.min stand
    // for it and are turned back into NULL in the statement (no alert has an empty
    // competency or reminder, or an anniversary on that day).
    competencies.append(alert.competency ?? "")
    states.append(alert.state)
    causes.append(alert.cause)
    messages.append(alert.message)
    reminders.append(alert.reminder ?? "")
    anniversaries.append(alert.anniversary.map { Int32($0.dayNumber) } ?? Int32.min)
  }

  func insert(into log: PostgresEventLog) async throws {
    guard !orgs.isEmpty else { return }
    try await log.rows(
      """
      INSERT INTO read_model_alerts (org, sequence, arrival, id, effective, kind, competency, state, cause, message,
        reminder, anniversary)
      SELECT org, sequence, arrival, id, effective, kind, nullif(competency, ''), state, cause, message,
        nullif(reminder, ''), nullif(anniversary, \(Int32.min))
      FROM unnest(\(orgs)::text[], \(sequences)::integer[], \(arrivals)::bigint[], \(ids)::text[],
        \(effectives)::integer[], \(kinds)::text[], \(competencies)::text[], \(states)::text[], \(causes)::text[],
        \(messages)::text[], \(reminders)::text[], \(anniversaries)::integer[])
        AS a (org, sequence, arrival, id, effective, kind, competency, state, cause, message, reminder, anniversary)
      """, doing: "saving the projected alerts")
  }
}
