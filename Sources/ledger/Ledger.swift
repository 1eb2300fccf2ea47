import ArgumentParser

/// The `ledger` command: an event-sourced, bitemporal membership ledger.
@main
struct Ledger: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ledger",
    abstract: "An event-sourced, bitemporal ledger of partner-program membership.",
    discussion: """
      Every fact is appended to a hash-chained log in one SQLite file (--db, else $LEDGER_DB, \
      else ./ledger.sqlite). Exit codes: 0 success, 64 bad usage, 65 bad input data (nothing \
      written), 66 missing input file or database, 69 refused by a gate, 70 internal error.
      """,
    subcommands: [
      AppendCommand.self, LogCommand.self, VerifyCommand.self, CatalogCommand.self, StatusCommand.self,
      ExplainCommand.self, HistoryCommand.self, AlertsCommand.self, NotifyCommand.self, ExportActivityCommand.self,
      AcrCommand.self, ImportAcrCommand.self, GrantCommand.self, RevokeCommand.self, AssociateCommand.self,
      DepartCommand.self, PurchaseCommand.self, RenewCommand.self, OverrideCommand.self, RevokeOverrideCommand.self,
      ScheduleAuditCommand.self, RecordAuditCommand.self, SubmitReferenceCommand.self, ApproveReferenceCommand.self,
      RejectReferenceCommand.self, KeygenCommand.self, CheckpointCommand.self, ProveCommand.self, DemoCommand.self,
    ]
  )
}
