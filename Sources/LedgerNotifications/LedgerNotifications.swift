// LedgerNotifications: delivering alerts, at least once and in order.
//
// Lives here: `SinkAddress` and the sinks (`StreamSink`, `ExecSink`, `WebhookSink`),
// `RetryPolicy`, the `Courier`, and `DeliveryProgress` with sink leases (the SQLite
// conformance included, as the progress lives in the ledger's file).
//
// Does not live here: which alerts are due (LedgerQueries' `AlertFeed`), how an alert reads
// (LedgerPresentation's `AlertDocument`).
