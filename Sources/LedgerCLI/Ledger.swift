// LedgerCLI: the command-line interface, which two programs run: `ledger` (the embedded
// SQLite log) and `ledger-postgres` (the same commands, with the PostgreSQL backend as well;
// `ledger` runs it for a `postgres://` database, so it builds without PostgresNIO).
//
// Lives here: one subcommand per file, options as typed values (Support/ArgumentValues),
// `ExitStatus`, and the failures turned into stderr lines and exit codes.
//
// Does not live here: rendering (LedgerPresentation) or answers (LedgerQueries): a command
// parses, asks, and prints what it is given.

public import ArgumentParser
import Foundation

/// The `ledger` command: an event-sourced, bitemporal membership ledger.
public struct Ledger: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "ledger",
    abstract: "An event-sourced, bitemporal ledger of partner-program membership.",
    discussion: """
      Every fact is appended to a hash-chained, Merkle-tree log in one SQLite file (--db, else \
      $LEDGER_DB, else ./ledger.sqlite), or in PostgreSQL (--db postgres://USER@HOST/DB). Options mean the same everywhere: --as-of DATE is the \
      day a query asks about, --from/--to DATE a period of effective dates, --recorded-from / \
      --recorded-to DAY the days events were recorded, --effective DATE the day a recorded fact \
      takes effect, any --…-position N a position in the log, --known-at INSTANT a recorded \
      instant, --json one JSON document (NDJSON for streams). Exit codes: 0 success, 64 bad \
      usage, 65 bad input data (nothing written), 66 missing input file or database, 69 refused \
      by a gate, 70 internal error, 73 cannot create a file, 74 storage fault, 75 database locked.
      """,
    version: Ledger.version,
    subcommands: [
      AppendCommand.self, LogCommand.self, VerifyCommand.self, CatalogCommand.self, StatusCommand.self,
      ExplainCommand.self, ProfileCommand.self, HistoryCommand.self, AlertsCommand.self, NotifyCommand.self,
      ProjectCommand.self, ExportActivityCommand.self,
      AcrCommand.self, ImportAcrCommand.self, GrantCommand.self, RevokeCommand.self, AssociateCommand.self,
      DepartCommand.self, PurchaseCommand.self, RenewCommand.self, OverrideCommand.self, RevokeOverrideCommand.self,
      ScheduleAuditCommand.self, RecordAuditCommand.self, SubmitReferenceCommand.self, ApproveReferenceCommand.self,
      RejectReferenceCommand.self, KeygenCommand.self, CheckpointCommand.self, ProveCommand.self, TokenCommand.self,
      ServeCommand.self, MigrateCommand.self, CopyCommand.self, DemoCommand.self,
    ]
  )

  /// The release, which `ledger --version` prints.
  static let version = "0.5.0"

  /// A bare `ledger` is parsed into this; it runs as a usage error.
  public init() {}

  /// A bare `ledger` is a usage error: it prints the help and exits 64.
  public func run() async throws {
    FileHandle.standardError.write(Data((Ledger.helpMessage() + "\n").utf8))
    throw ExitStatus.usage.exitCode
  }
}
