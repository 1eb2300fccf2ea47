// LedgerQueries: answers over any `EventLog`, as known at a position.
//
// Lives here: `OrganizationQuery` (status, explain, history, restatements), `AlertFeed` and
// `Alert`, `KnownAt`, `AnswerGround` (the position and tree root an answer rests on).
//
// Does not live here: the folds themselves (Projections), text or JSON
// (LedgerPresentation).
