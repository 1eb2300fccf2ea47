// LedgerPresentation: every document the ledger shows, in text, JSON and HTML, for the CLI,
// the sinks and the server alike.
//
// Lives here: one `…Document` per answer (status, explanation, profile, ACR, catalog,
// history, alerts, log entries, appends, verification, an individual's record),
// `ActivityLog`, `OutputText` (escaping for terminals and CSV), and the server's pages in
// `HTML/` (the organization's page and its timeline picture, history, explanation, sign-in).
//
// Does not live here: reading the log or computing answers (LedgerQueries).
