// LedgerNotifications: delivering alerts, at least once and in order.
//
// Lives here: `SinkAddress` and the sinks (`StreamSink`, `ExecSink`, `WebhookSink`),
// `RetryPolicy` and the `Courier`, which records each sink's progress and lease through
// LedgerCore's `DeliveryProgress`.
//
// Does not live here: which alerts are due (LedgerQueries' `AlertFeed`), how an alert reads
// (LedgerPresentation's `AlertDocument`), where the progress is kept (each backend conforms
// to `DeliveryProgress`, beside its log).
