// LedgerPresentation: every document the ledger shows, in text and in JSON, for the CLI,
// the sinks and the coming server alike.
//
// Lives here: one `…Document` per answer (status, explanation, profile, ACR, catalog,
// history, alerts, log entries, appends, verification), `ActivityLog`, and `OutputText`
// (escaping for terminals and CSV).
//
// Does not live here: reading the log or computing answers (LedgerQueries).
