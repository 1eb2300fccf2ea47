// LedgerPostgres: the server backend, the ledger on a PostgreSQL database through PostgresNIO.
//
// Lives here: `PostgresEventLog`, the same log contract as the SQLite file (it runs LedgerCore's
// `AppendPlan`, `AppendSealer` and `LogVerifier` and keeps only the I/O), with the read models,
// the sinks' progress, checkpoints and proofs and followers' waits in the same database;
// `PostgresLocation` (postgres:// URLs), `PostgresSchema` and `PostgresMigrator` (migrations,
// append-only triggers, grants), `PostgresFailure` (the server's own message).
//
// Does not live here: the log's rules (LedgerCore), the commands (LedgerCLI, run with this
// backend by `ledger-postgres`), anything about the program.
