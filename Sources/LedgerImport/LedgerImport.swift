// LedgerImport: other systems' files turned into proposed events.
//
// Lives here: the Partner Center ACR (Insights) CSV schema, `ConsumptionImport`, and its
// `CSVReader`.
//
// Does not live here: the NDJSON event input (LedgerCore's `InputBatch`), the append itself
// (the log, through the CLI).
