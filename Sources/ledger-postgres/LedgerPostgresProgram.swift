// ledger-postgres: the `ledger` commands with the PostgreSQL backend, which `ledger` runs
// for a postgres:// database (so `ledger` itself builds without PostgresNIO).
import ArgumentParser
import LedgerCLI

/// The `ledger-postgres` program.
@main
enum LedgerPostgresProgram {
  static func main() async {
    await Ledger.$serverDatabases.withValue(PostgresDatabases()) { await Ledger.main() }
  }
}
