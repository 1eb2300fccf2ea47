import ArgumentParser
import Foundation

/// A command's failure: the lines to print on stderr and the exit code of the contract
/// (65 bad input, 66 missing file or database, 69 refused, 70 internal).
struct CommandFailure: Error {
  let exitCode: Int32
  let lines: [String]

  /// Prints the lines on stderr and returns the exit code to end with.
  func report() -> ExitCode {
    let text = lines.map { $0 + "\n" }.joined()
    FileHandle.standardError.write(Data(text.utf8))
    return ExitCode(exitCode)
  }
}

extension AsyncParsableCommand {
  /// Runs `body`, turning a ``CommandFailure`` into its stderr lines and exit code.
  func reportingFailures(_ body: () async throws -> Void) async throws {
    do {
      try await body()
    } catch let failure as CommandFailure {
      throw failure.report()
    }
  }
}
