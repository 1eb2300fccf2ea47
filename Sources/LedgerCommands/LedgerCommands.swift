// LedgerCommands: the program's gated actions, decided and recorded.
//
// Lives here: `CommandHandler` (decide on the stream's version, append with it, decide again
// on a conflict), `CheckedAppend` (the same decisions for `ledger append`), `LedgerCommand`,
// `AssociationLimit`, `CommandRefusal`.
//
// Does not live here: folds of its own: it asks Projections (`Affiliations`, `RoleBook`,
// `SpecializationStatus`) and LedgerQueries (`OrganizationQuery`).
