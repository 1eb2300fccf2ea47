import LedgerCore
import LedgerStorage

extension CommandFailure {
  /// The failure for what the database at `path` threw, with an exit code that says what
  /// kind of fault it is: 74 (EX_IOERR) for the disk or the file (full, read-only, cannot
  /// be opened, an I/O error), 65 (EX_DATAERR) for a file that is not a ledger this build
  /// can read (another program's, damaged, a newer schema), 64 (EX_USAGE) for a setting in
  /// the environment it cannot use, 75 (EX_TEMPFAIL) for a database another process kept
  /// locked, 70 for anything else.
  static func storage(_ error: any Error, path: String) -> CommandFailure {
    switch error {
    case let failure as CommandFailure: return failure
    case let setting as InvalidSetting: return CommandFailure(status: .usage, lines: [setting.description])
    case let notLedger as NotALedger: return CommandFailure(status: .dataError, lines: [notLedger.description])
    case let tooNew as SQLiteMigrator.SchemaTooNew:
      return CommandFailure(status: .dataError, lines: [tooNew.description])
    case let stored as StoredDataError: return CommandFailure(status: .dataError, lines: ["\(path): \(stored)"])
    case let sqlite as SQLiteError:
      let (status, words): (ExitStatus, String) =
        switch sqlite.fault {
        case .diskFull: (.ioError, "the disk is full; nothing was written")
        case .readOnly: (.ioError, "the database cannot be written (read-only file or directory); nothing was written")
        case .ioError: (.ioError, "an I/O error: \(sqlite.message)")
        case .cannotOpen: (.ioError, "cannot open the database file")
        case .permission: (.ioError, "no permission to use the database file")
        case .notADatabase: (.dataError, "not a ledger database (not an SQLite file); nothing was changed")
        case .corrupt: (.dataError, "the database file is damaged: \(sqlite.message)")
        case .busy: (.temporaryFailure, "the database stayed locked by another process; try again")
        case .other: (.software, "\(sqlite)")
        }
      return CommandFailure(status: status, lines: ["\(path): \(words)"])
    default:
      if let fault = Ledger.serverDatabases?.fault(of: error) {
        let status: ExitStatus =
          switch fault.kind {
          case .usage: .usage
          case .data: .dataError
          case .storage: .ioError
          }
        return CommandFailure(status: status, lines: [fault.line])
      }
      return CommandFailure(status: .software, lines: ["\(path): \(error)"])
    }
  }
}
