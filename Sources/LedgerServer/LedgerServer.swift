// LedgerServer: the HTTP interface (Hummingbird 2).
//
// Lives here: the routes, bearer-token authentication, who may read what, and RFC 9457
// problem documents. Answers come from LedgerQueries and are rendered by LedgerPresentation,
// as the CLI's are; writes go through LedgerCommands' gates.
