// Projections: the pure folds from events to state. No I/O, no clock: the same events and
// the same question always give the same answer.
//
// Lives here: `OrganizationFacts` (the visible events in application order), the
// `OrganizationTimeline` walk and its results (status, explanation, history, restatements,
// alerts, profile), the smaller folds the commands share (`Affiliations`, `RoleBook`), and
// `LogSummary`.
//
// Does not live here: reading the log (LedgerQueries asks it), rendering
// (LedgerPresentation), deciding commands (LedgerCommands).
