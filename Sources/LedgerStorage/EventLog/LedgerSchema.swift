/// The ledger's SQLite schema, as migrations applied by ``SQLiteMigrator``.
package enum LedgerSchema {
  /// Every migration, in order: schema *n* is the first *n* of them.
  package static let migrations: [SQLiteMigrator.Step] = [
    .sql(
      """
      CREATE TABLE streams (
        stream_no INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
      ) STRICT;

      CREATE TABLE events (
        position INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL UNIQUE,
        stream_no INTEGER NOT NULL REFERENCES streams (stream_no),
        stream_version INTEGER NOT NULL,
        type TEXT NOT NULL,
        schema_version INTEGER NOT NULL,
        effective TEXT NOT NULL,
        recorded INTEGER NOT NULL,
        actor_id TEXT,
        actor_role TEXT,
        corrects TEXT,
        reason TEXT,
        payload BLOB NOT NULL,
        hash BLOB NOT NULL,
        UNIQUE (stream_no, stream_version)
      ) STRICT;

      CREATE INDEX events_by_corrects ON events (corrects) WHERE corrects IS NOT NULL;

      CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'the event log is append-only: events cannot be changed'); END;
      CREATE TRIGGER events_refuse_delete BEFORE DELETE ON events
      BEGIN SELECT RAISE(ABORT, 'the event log is append-only: events cannot be deleted'); END;
      CREATE TRIGGER streams_refuse_update BEFORE UPDATE ON streams
      BEGIN SELECT RAISE(ABORT, 'the event log is append-only: streams cannot be changed'); END;
      CREATE TRIGGER streams_refuse_delete BEFORE DELETE ON streams
      BEGIN SELECT RAISE(ABORT, 'the event log is append-only: streams cannot be deleted'); END;
      """),
    // 2: which streams name each organization, so a status query reads only those.
    .sql(
      """
      CREATE TABLE org_streams (
        org TEXT NOT NULL,
        stream_no INTEGER NOT NULL REFERENCES streams (stream_no),
        PRIMARY KEY (org, stream_no)
      ) STRICT, WITHOUT ROWID;

      INSERT OR IGNORE INTO org_streams (org, stream_no)
      SELECT json_extract(payload, '$.org'), stream_no FROM events WHERE json_extract(payload, '$.org') IS NOT NULL;

      CREATE TRIGGER org_streams_refuse_update BEFORE UPDATE ON org_streams
      BEGIN SELECT RAISE(ABORT, 'the organization index is append-only'); END;
      CREATE TRIGGER org_streams_refuse_delete BEFORE DELETE ON org_streams
      BEGIN SELECT RAISE(ABORT, 'the organization index is append-only'); END;
      """),
    // 3: notification sinks' progress and leases (not events: delivery bookkeeping).
    .sql(
      """
      CREATE TABLE sink_acknowledgements (
        sink TEXT NOT NULL,
        alert TEXT NOT NULL,
        acknowledged INTEGER NOT NULL,
        PRIMARY KEY (sink, alert)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE sink_leases (
        sink TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        expires INTEGER NOT NULL
      ) STRICT;
      """),
    // 4: who wrote each event and whether it skipped the gates (both hashed when set), and
    // the file's mark as a ledger.
    .sql(
      """
      ALTER TABLE events ADD COLUMN writer TEXT;
      ALTER TABLE events ADD COLUMN unchecked INTEGER NOT NULL DEFAULT 0;
      PRAGMA application_id = \(applicationID);
      """),
    // 5: the Merkle tree's stored subtrees (every eighth level: the hash of each complete
    // run of 256, 65,536, … leaves; the levels between are computed), and the checkpoints
    // this ledger signed.
    .sql(
      """
      CREATE TABLE merkle_tiles (
        level INTEGER NOT NULL,
        idx INTEGER NOT NULL,
        hash BLOB NOT NULL,
        PRIMARY KEY (level, idx)
      ) STRICT, WITHOUT ROWID;

      CREATE TRIGGER merkle_tiles_refuse_update BEFORE UPDATE ON merkle_tiles
      BEGIN SELECT RAISE(ABORT, 'the Merkle tree is append-only'); END;
      CREATE TRIGGER merkle_tiles_refuse_delete BEFORE DELETE ON merkle_tiles
      BEGIN SELECT RAISE(ABORT, 'the Merkle tree is append-only'); END;

      CREATE TABLE checkpoints (
        size INTEGER NOT NULL,
        root BLOB NOT NULL,
        note TEXT NOT NULL,
        recorded INTEGER NOT NULL
      ) STRICT;
      """),
    // 6: the read models the projector folds (derived, never hashed, dropped and folded
    // again at will): the checkpoint with the next alert arrival number, each organization's
    // model and its alerts (stored in delivery order, so the fleet's alerts are one
    // sequential read), each sink's cursor over them; and the organization index by stream,
    // so the projector finds whom a new event concerns.
    .sql(
      """
      CREATE INDEX IF NOT EXISTS org_streams_by_stream ON org_streams (stream_no);

      CREATE TABLE IF NOT EXISTS read_model_checkpoint (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        position INTEGER NOT NULL,
        rules TEXT NOT NULL,
        arrivals INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE IF NOT EXISTS read_models (
        org TEXT PRIMARY KEY,
        folded_at INTEGER NOT NULL,
        horizon INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE IF NOT EXISTS read_model_alerts (
        effective INTEGER NOT NULL,
        org TEXT NOT NULL,
        sequence INTEGER NOT NULL,
        arrival INTEGER NOT NULL,
        id TEXT NOT NULL,
        kind TEXT NOT NULL,
        competency TEXT,
        state TEXT NOT NULL,
        cause TEXT NOT NULL,
        message TEXT NOT NULL,
        reminder TEXT,
        anniversary INTEGER,
        PRIMARY KEY (effective, org, sequence)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS read_model_alerts_by_org ON read_model_alerts (org, effective, sequence);
      CREATE INDEX IF NOT EXISTS read_model_alerts_by_arrival ON read_model_alerts (arrival);

      CREATE TABLE IF NOT EXISTS sink_cursors (
        sink TEXT PRIMARY KEY,
        arrival INTEGER NOT NULL,
        day INTEGER NOT NULL
      ) STRICT;
      """),
    // 7: each read model's status timeline, encoded by the projections (derived, as 6).
    .sql(
      """
      CREATE TABLE IF NOT EXISTS read_model_statuses (
        org TEXT PRIMARY KEY,
        timeline BLOB NOT NULL
      ) STRICT;
      """),
    // 8: compact event rows: the fields no index or query reads packed into one envelope,
    // ids packed (docs/architecture.md, "The schema"); nothing hashed changes.
    .code(compactEvents),
  ]

  /// What a database file holds.
  enum Kind {
    /// Nothing yet: a new or empty file, which a writer makes a ledger.
    case empty
    /// A ledger at this schema version.
    case ledger(version: Int)
    /// Another program's database.
    case other
  }

  /// Reads what the open file holds, writing nothing.
  static func kind(of connection: SQLiteConnection) throws -> Kind {
    let version = Int(try connection.integer("PRAGMA user_version") ?? 0)
    let application = Int32(truncatingIfNeeded: try connection.integer("PRAGMA application_id") ?? 0)
    let tables = try connection.integer("SELECT count(*) FROM sqlite_schema") ?? 0
    let hasEvents =
      try connection.integer("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'events'") ?? 0
    if application == applicationID || (application == 0 && version > 0 && hasEvents > 0) {
      return .ledger(version: version)
    }
    return tables == 0 && version == 0 && application == 0 ? .empty : .other
  }

  /// `PRAGMA application_id` of a ledger file: "LDGR".
  static let applicationID: Int32 = 0x4C44_4752
}
