// LedgerCore: the bottom of the ledger.
//
// Lives here: dates and instants, the strict JSON parser and the canonical bytes, the event
// vocabulary (`LedgerEvent` and one type per event), the envelope types (`ProposedEvent`,
// `EventRecord`, `RecordedEvent`, `LogEntry`), and the log's contract every backend shares:
// the async `EventLog` protocol, `AppendPlan` and `AppendSealer` (the append rules), `MerkleTiles`,
// `LogVerifier`, `HashChain`, `MerkleTree`, `Checkpoint` and note keys.
//
// Does not live here: any storage (see LedgerStorage), any rule of the partner program (see
// LedgerCatalog and Projections), any rendering (see LedgerPresentation).
