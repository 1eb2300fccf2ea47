// LedgerServer: the HTTP interface (Hummingbird 2).
//
// Lives here: the routes (the JSON API, commands as POSTs, the live alert stream, metrics,
// the OpenAPI document, the pages under /ui), bearer-token sign-in and the pages' sessions,
// who may read what, RFC 9457 problem documents, the read connections' pool and the answer
// cache. Answers come from LedgerQueries and are rendered by LedgerPresentation, as the CLI's
// are; writes go through LedgerCommands' gates.
