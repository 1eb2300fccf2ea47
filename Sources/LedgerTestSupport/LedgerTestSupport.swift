// LedgerTestSupport: what the tests and the benchmarks share.
//
// Lives here: temporary ledgers and directories, a stepping clock, sample and generated
// histories (`SplitMix64`), a runner for the built binary, a local HTTP receiver.
//
// Does not live here: anything the ledger itself runs.
