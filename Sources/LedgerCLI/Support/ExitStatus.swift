import ArgumentParser

/// The exit codes of the interface contract, named as `sysexits.h` names them.
enum ExitStatus: Int32 {
  /// Success.
  case success = 0
  /// EX_USAGE: the command line is wrong (also a bare `ledger`, an unknown id in a query).
  case usage = 64
  /// EX_DATAERR: bad input data or a database this build cannot read; nothing was written.
  case dataError = 65
  /// EX_NOINPUT: a missing input file or database.
  case noInput = 66
  /// EX_UNAVAILABLE: refused by one of the program's gates, a conflict, or a sink that failed.
  case refused = 69
  /// EX_SOFTWARE: an internal error.
  case software = 70
  /// EX_CANTCREAT: an output file cannot be created.
  case cannotCreate = 73
  /// EX_IOERR: a storage fault (disk full, read-only, I/O error).
  case ioError = 74
  /// EX_TEMPFAIL: the database stayed locked by another process.
  case temporaryFailure = 75

  /// What the code means, as every command's help lists it.
  var meaning: String {
    switch self {
    case .success: "success"
    case .usage: "bad usage"
    case .dataError: "bad input data, nothing written"
    case .noInput: "missing input file or database"
    case .refused: "refused by a gate, or a sink did not take an alert"
    case .software: "internal error"
    case .cannotCreate: "a file to create already exists"
    case .ioError: "storage fault (disk full, read-only, I/O), nothing written"
    case .temporaryFailure: "the database stayed locked; try again"
    }
  }

  /// The code for ArgumentParser to exit with.
  var exitCode: ExitCode { ExitCode(rawValue) }
}
