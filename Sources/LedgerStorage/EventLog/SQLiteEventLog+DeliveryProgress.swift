public import LedgerCore

extension SQLiteEventLog: DeliveryProgress {
  public func acknowledgedAlerts(sink: String, among alerts: [String]) throws -> Set<String> {
    let statement = try connection.statement("SELECT 1 FROM sink_acknowledgements WHERE sink = ? AND alert = ?")
    var acknowledged: Set<String> = []
    for alert in alerts {
      statement.bind(1, sink)
      statement.bind(2, alert)
      if try statement.step() { acknowledged.insert(alert) }
      statement.reset()
    }
    return acknowledged
  }

  public func acknowledge(sink: String, alert: String, at instant: RecordedInstant, holder: String) throws -> Bool {
    try connection.immediateTransaction {
      guard try lease(of: sink)?.holder == holder else { return false }
      let insert = try connection.statement(
        "INSERT OR IGNORE INTO sink_acknowledgements (sink, alert, acknowledged) VALUES (?, ?, ?)")
      defer { insert.reset() }
      insert.bind(1, sink)
      insert.bind(2, alert)
      insert.bind(3, instant.microseconds)
      try insert.run()
      return true
    }
  }

  public func lease(of sink: String) throws -> SinkLease? {
    let statement = try connection.statement("SELECT holder, expires FROM sink_leases WHERE sink = ?")
    defer { statement.reset() }
    statement.bind(1, sink)
    guard try statement.step(), let holder = statement.text(0) else { return nil }
    return SinkLease(sink: sink, holder: holder, expires: RecordedInstant(microseconds: statement.int64(1)))
  }

  public func claimLease(_ lease: SinkLease, replacing current: SinkLease?) throws -> Bool {
    try connection.immediateTransaction {
      guard try self.lease(of: lease.sink) == current else { return false }
      let upsert = try connection.statement(
        """
        INSERT INTO sink_leases (sink, holder, expires) VALUES (?, ?, ?)
        ON CONFLICT (sink) DO UPDATE SET holder = excluded.holder, expires = excluded.expires
        """)
      defer { upsert.reset() }
      upsert.bind(1, lease.sink)
      upsert.bind(2, lease.holder)
      upsert.bind(3, lease.expires.microseconds)
      try upsert.run()
      return true
    }
  }

  public func moveProgress(from old: String, to new: String) throws {
    try connection.immediateTransaction {
      let move = try connection.statement(
        "UPDATE OR IGNORE sink_acknowledgements SET sink = ?2 WHERE sink = ?1")
      move.bind(1, old)
      move.bind(2, new)
      try move.run()
      for sql in ["DELETE FROM sink_acknowledgements WHERE sink = ?", "DELETE FROM sink_leases WHERE sink = ?"] {
        let delete = try connection.statement(sql)
        delete.bind(1, old)
        try delete.run()
      }
    }
  }

  public func releaseLease(_ lease: SinkLease) throws {
    let delete = try connection.statement("DELETE FROM sink_leases WHERE sink = ? AND holder = ?")
    defer { delete.reset() }
    delete.bind(1, lease.sink)
    delete.bind(2, lease.holder)
    try delete.run()
  }
}
