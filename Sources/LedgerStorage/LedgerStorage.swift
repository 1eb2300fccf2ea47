// LedgerStorage: the embedded backend, one SQLite file through the system library.
//
// Lives here: the SQLite layer (`SQLiteConnection`, `SQLiteStatement`, `SQLiteError`,
// `SQLiteMigrator`), the schema and its migrations (`LedgerSchema`), and `SQLiteEventLog`,
// the `EventLog` that runs LedgerCore's `AppendPlan`, `AppendSealer` and `LogVerifier` and
// keeps only the I/O, with the read models (`ReadModelStore`) and the sinks' progress
// (`DeliveryProgress`) in the same file.
//
// Does not live here: the log's rules (LedgerCore), the sinks themselves
// (LedgerNotifications), anything about the program.
