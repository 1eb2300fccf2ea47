import ArgumentParser
import Foundation

/// A command's failure: the lines to print on stderr and the exit status of the contract.
struct CommandFailure: Error {
  let status: ExitStatus
  let lines: [String]

  /// Prints the lines on stderr and returns the exit code to end with.
  func report() -> ExitCode {
    let text = lines.map { $0 + "\n" }.joined()
    FileHandle.standardError.write(Data(text.utf8))
    return status.exitCode
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
