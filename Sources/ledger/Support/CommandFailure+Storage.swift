import LedgerCore
import LedgerStorage

extension CommandFailure {
  /// The failure for what the database at `path` threw, with an exit code that says what
  /// kind of fault it is: 74 (EX_IOERR) for the disk or the file (full, read-only, cannot
  /// be opened, an I/O error), 65 (EX_DATAERR) for a file that is not a ledger this build
  /// can read (another program's, damaged, a newer schema), 75 (EX_TEMPFAIL) for a database
  /// another process kept locked, 70 for anything else.
  static func storage(_ error: any Error, path: String) -> CommandFailure {
    switch error {
    case let failure as CommandFailure: return failure
    case let notLedger as NotALedger: return CommandFailure(exitCode: 65, lines: [notLedger.description])
    case let tooNew as SQLiteMigrator.SchemaTooNew: return CommandFailure(exitCode: 65, lines: [tooNew.description])
    case let stored as StoredDataError: return CommandFailure(exitCode: 65, lines: ["\(path): \(stored)"])
    case let sqlite as SQLiteError:
      let (code, words): (Int32, String) =
        switch sqlite.fault {
        case .diskFull: (74, "the disk is full; nothing was written")
        case .readOnly: (74, "the database cannot be written (read-only file or directory); nothing was written")
        case .ioError: (74, "an I/O error: \(sqlite.message)")
        case .cannotOpen: (74, "cannot open the database file")
        case .permission: (74, "no permission to use the database file")
        case .notADatabase: (65, "not a ledger database (not an SQLite file); nothing was changed")
        case .corrupt: (65, "the database file is damaged: \(sqlite.message)")
        case .busy: (75, "the database stayed locked by another process; try again")
        case .other: (70, "\(sqlite)")
        }
      return CommandFailure(exitCode: code, lines: ["\(path): \(words)"])
    default: return CommandFailure(exitCode: 70, lines: ["\(path): \(error)"])
    }
  }
}
