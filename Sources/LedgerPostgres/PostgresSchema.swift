/// The ledger's PostgreSQL schema, as numbered migrations (as SQLite's): each runs once, in
/// one transaction with its record in `ledger_schema`.
///
/// The log's tables refuse UPDATE, DELETE and TRUNCATE in a trigger, whoever connects; the
/// role the ledger runs as needs only SELECT and INSERT on them (``PostgresMigrator`` grants
/// that and nothing more), so append-only holds twice.
enum PostgresSchema {
  static let migrations: [[String]] = [
    // 1: the log: events with their chain hash, the organization index, the Merkle tree's
    // stored tiles; and the trigger that keeps all of them append-only.
    [
      """
      CREATE TABLE ledger_schema (
        version integer PRIMARY KEY,
        applied timestamptz NOT NULL DEFAULT now()
      )
      """,
      """
      CREATE TABLE events (
        position bigint PRIMARY KEY,
        event_id text NOT NULL UNIQUE,
        stream text NOT NULL,
        stream_version integer NOT NULL,
        type text NOT NULL,
        schema_version integer NOT NULL,
        effective text NOT NULL,
        recorded bigint NOT NULL,
        actor_id text,
        actor_role text,
        corrects text,
        reason text,
        payload bytea NOT NULL,
        hash bytea NOT NULL,
        writer text,
        unchecked boolean NOT NULL,
        UNIQUE (stream, stream_version)
      )
      """,
      "CREATE INDEX events_by_corrects ON events (corrects) WHERE corrects IS NOT NULL",
      """
      CREATE TABLE org_streams (
        org text NOT NULL,
        stream text NOT NULL,
        PRIMARY KEY (org, stream)
      )
      """,
      "CREATE INDEX org_streams_by_stream ON org_streams (stream)",
      """
      CREATE TABLE merkle_tiles (
        level integer NOT NULL,
        idx bigint NOT NULL,
        hash bytea NOT NULL,
        PRIMARY KEY (level, idx)
      )
      """,
      """
      CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the event log is append-only: % on % refused', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$
      """,
    ]
      + logTables.map { table in
        """
        CREATE TRIGGER \(table)_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON \(table)
          FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change()
        """
      },
    // 2: what is derived from the log or kept beside it, and so may change: the read models
    // the projector folds (their checkpoint with the next arrival number, each organization's
    // model and its alerts, kept in delivery order), each sink's cursor over them, and the
    // sinks' acknowledgements and leases.
    [
      """
      CREATE TABLE read_model_checkpoint (
        id integer PRIMARY KEY CHECK (id = 1),
        position bigint NOT NULL,
        rules text NOT NULL,
        arrivals bigint NOT NULL
      )
      """,
      """
      CREATE TABLE read_models (
        org text PRIMARY KEY,
        folded_at bigint NOT NULL,
        horizon integer NOT NULL
      )
      """,
      """
      CREATE TABLE read_model_alerts (
        effective integer NOT NULL,
        org text NOT NULL,
        sequence integer NOT NULL,
        arrival bigint NOT NULL,
        id text NOT NULL,
        kind text NOT NULL,
        competency text,
        state text NOT NULL,
        cause text NOT NULL,
        message text NOT NULL,
        reminder text,
        anniversary integer,
        PRIMARY KEY (effective, org, sequence)
      )
      """,
      "CREATE INDEX read_model_alerts_by_org ON read_model_alerts (org, effective, sequence)",
      "CREATE INDEX read_model_alerts_by_arrival ON read_model_alerts (arrival)",
      "CREATE TABLE sink_cursors (sink text PRIMARY KEY, arrival bigint NOT NULL, day integer NOT NULL)",
      """
      CREATE TABLE sink_acknowledgements (
        sink text NOT NULL,
        alert text NOT NULL,
        acknowledged bigint NOT NULL,
        PRIMARY KEY (sink, alert)
      )
      """,
      "CREATE TABLE sink_leases (sink text PRIMARY KEY, holder text NOT NULL, expires bigint NOT NULL)",
    ],
    // 3: the checkpoints this ledger signed (`ledger checkpoint`), append-only as the log.
    [
      """
      CREATE TABLE checkpoints (
        size bigint NOT NULL,
        root bytea NOT NULL,
        note text NOT NULL,
        recorded bigint NOT NULL
      )
      """,
      """
      CREATE TRIGGER checkpoints_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON checkpoints
        FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change()
      """,
    ],
    // 4: each read model's status timeline, encoded by the projections (derived, as 2).
    ["CREATE TABLE read_model_statuses (org text PRIMARY KEY, timeline bytea NOT NULL)"],
  ]

  /// The log's tables (migration 1), each kept append-only by a trigger.
  static let logTables = ["ledger_schema", "events", "org_streams", "merkle_tiles"]

  /// The tables the ledger's application role may only read and insert into.
  static let appendOnlyTables = logTables + ["checkpoints"]

  /// The columns every event read selects, in the order ``PostgresEventLog`` decodes them.
  static let eventColumns = """
    position, event_id, stream, stream_version, type, schema_version, effective, recorded,
    actor_id, actor_role, corrects, reason, payload, hash, writer, unchecked
    """

  /// The tables of what is derived or kept beside the log, which the application role may
  /// also change: read models and delivery progress.
  static let derivedTables = [
    "read_model_checkpoint", "read_models", "read_model_alerts", "read_model_statuses", "sink_cursors",
    "sink_acknowledgements", "sink_leases",
  ]

  /// ``eventColumns`` as a list, for `COPY`.
  static let eventColumnList = [
    "position", "event_id", "stream", "stream_version", "type", "schema_version", "effective", "recorded",
    "actor_id", "actor_role", "corrects", "reason", "payload", "hash", "writer", "unchecked",
  ]

  /// The channel every append notifies, with the new head position, when it commits: what
  /// followers `LISTEN` on instead of polling.
  static let appendChannel = "ledger_appended"

  /// The key of the transaction-level advisory lock every append holds from its first read
  /// to its commit: "LDGR" and 1. It serialises positions across every process on the
  /// database (see docs/postgres.md for why a lock and not a head row or a table lock).
  static let appendLock: Int64 = 0x4C44_4752_0000_0001
  /// The key of the lock a migration holds, so two first writers do not both migrate.
  static let migrationLock: Int64 = 0x4C44_4752_0000_0002
  /// The key of the lock a save of read models holds, so two projectors' saves do not
  /// interleave (appends go on meanwhile).
  static let readModelLock: Int64 = 0x4C44_4752_0000_0003
  /// The key of the session lock a projector's catch-up holds, so projectors in several
  /// processes take turns and none folds what another just folded.
  static let projectorLock: Int64 = 0x4C44_4752_0000_0005
  /// The key of the lock a sink's lease or acknowledgement holds while it checks the holder.
  static let deliveryLock: Int64 = 0x4C44_4752_0000_0004
}
