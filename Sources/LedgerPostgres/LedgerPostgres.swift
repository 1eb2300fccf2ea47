/// The ledger's event log on a PostgreSQL server, through PostgresNIO: the same contract as
/// the embedded SQLite log (``LedgerCore/EventLog``), for fleets that outgrow one machine,
/// with several `ledger` processes sharing one log.
