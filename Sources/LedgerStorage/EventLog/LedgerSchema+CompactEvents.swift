import LedgerCore

extension LedgerSchema {
  /// Migration 8: the events rewritten as compact rows (``EventRowLayout/compact``), in the
  /// migration's one transaction.
  ///
  /// Every field keeps its value, so every canonical record, chain hash and Merkle leaf is
  /// the one the event was sealed with: the stored tree, signed checkpoints and proofs given
  /// before stay true. A row whose fields the new layout cannot hold (an effective date that
  /// is not a date, a hash of another length: only a change made outside the ledger gives
  /// one) stops the migration with its position, and the file stays as it was.
  static func compactEvents(_ connection: SQLiteConnection) throws {
    try connection.execute(
      """
      ALTER TABLE events RENAME TO events_columns;
      CREATE TABLE events (
        position INTEGER PRIMARY KEY,
        event_id ANY NOT NULL UNIQUE,
        stream_no INTEGER NOT NULL REFERENCES streams (stream_no),
        stream_version INTEGER NOT NULL,
        corrects ANY,
        envelope BLOB NOT NULL,
        payload BLOB NOT NULL,
        UNIQUE (stream_no, stream_version)
      ) STRICT;
      """)
    let read = try connection.statement(
      "SELECT \(EventRowLayout.columnsFromSchema4) FROM events_columns ORDER BY position")
    defer { read.reset() }
    let insert = try connection.statement(
      "INSERT INTO events (\(EventRowLayout.compact.selectedColumns)) VALUES (?, ?, ?, ?, ?, ?, ?)")
    var envelope: [UInt8] = []
    var rewritten = 0
    while try read.step() {
      let position = read.int64(0)
      guard case .date(let effective) = read.withBytes(6, CivilDate.parse(utf8:)) else {
        throw StoredDataError(
          position: position,
          reason: "effective date \"\(read.text(6) ?? "")\" is not a date; the ledger stays at schema 7")
      }
      let fields = StoredEnvelope.Fields(
        typeName: read.text(4) ?? "", schemaVersion: Int(read.int64(5)), effective: effective,
        recorded: RecordedInstant(microseconds: read.int64(7)),
        actor: read.text(8).map { Actor(id: $0, role: read.text(9)) }, reason: read.text(11), writer: read.text(14),
        unchecked: read.int64(15) != 0, hash: PackedHash(read.blob(13)))
      do {
        try StoredEnvelope.write(fields, into: &envelope)
      } catch {
        throw StoredDataError(position: position, reason: "\(error.reason); the ledger stays at schema 7")
      }
      insert.bind(1, position)
      insert.bind(2, eventID: read.text(1))
      insert.bind(3, read.int64(2))
      insert.bind(4, read.int64(3))
      insert.bind(5, eventID: read.text(10))
      insert.bind(6, blob: envelope)
      insert.bind(7, blob: read.blob(12))
      try insert.run()
      rewritten += 1
      CrashPoint.reach("migrate.row", count: rewritten)
    }
    try connection.execute(
      """
      DROP TABLE events_columns;
      CREATE INDEX events_by_corrects ON events (corrects) WHERE corrects IS NOT NULL;
      CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'the event log is append-only: events cannot be changed'); END;
      CREATE TRIGGER events_refuse_delete BEFORE DELETE ON events
      BEGIN SELECT RAISE(ABORT, 'the event log is append-only: events cannot be deleted'); END;
      """)
  }
}
