// ledger: the command-line interface on the embedded SQLite log (LedgerCLI holds the
// commands). For a postgres:// database it runs `ledger-postgres`, which adds that backend.
import ArgumentParser
import LedgerCLI

/// The `ledger` program.
@main
enum LedgerProgram {
  static func main() async {
    Ledger.handOverToServerProgramIfNeeded()
    await Ledger.main()
  }
}
