import LedgerCore
package import LedgerStorage

/// A ledger as a build of schema 4 to 7 wrote it: one column per event field, ids as text,
/// the tree's tiles from schema 5. Its events are copied from a current ledger, sealed hashes
/// and all, so both hold the same log.
package enum LegacyLedger {
  /// Writes the events, streams and organization index of the ledger at `source` into a new
  /// file at `path`, at schema `version`.
  package static func write(from source: String, to path: String, version: Int) async throws {
    precondition((4...7).contains(version), "the column layout with writers is schemas 4 to 7")
    let raw = try SQLiteConnection(path: path, mode: .create)
    try raw.execute("PRAGMA journal_mode = WAL")
    try SQLiteMigrator(migrations: Array(LedgerSchema.migrations.prefix(version))).migrate(raw)
    try raw.execute("ATTACH DATABASE '\(source)' AS source")
    try raw.execute(
      """
      INSERT INTO streams SELECT * FROM source.streams;
      INSERT INTO org_streams SELECT * FROM source.org_streams;
      \(version >= 5 ? "INSERT INTO merkle_tiles SELECT * FROM source.merkle_tiles;" : "")
      """)
    try raw.execute("DETACH DATABASE source")
    let insert = try raw.statement(
      "INSERT INTO events (\(EventRowLayout.columnsFromSchema4)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    let streams = try raw.statement("SELECT stream_no FROM streams WHERE name = ?")
    try await SQLiteEventLog(readingAt: source).forEachEntry(from: 1) { entry in
      let record = entry.record
      streams.bind(1, record.stream.description)
      _ = try streams.step()
      let streamNumber = streams.int64(0)
      streams.reset()
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
  }
}
