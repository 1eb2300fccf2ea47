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
      + appendOnlyTables.map { table in
        """
        CREATE TRIGGER \(table)_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON \(table)
          FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change()
        """
      }
  ]

  /// The tables the ledger's application role may only read and insert into.
  static let appendOnlyTables = ["ledger_schema", "events", "org_streams", "merkle_tiles"]

  /// The columns every event read selects, in the order ``PostgresEventLog`` decodes them.
  static let eventColumns = """
    position, event_id, stream, stream_version, type, schema_version, effective, recorded,
    actor_id, actor_role, corrects, reason, payload, hash, writer, unchecked
    """

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
}
