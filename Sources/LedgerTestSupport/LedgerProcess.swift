public import Foundation

/// Runs the built `ledger` executable, as a user would, for end-to-end tests.
public enum LedgerProcess {
  /// What a finished run printed and returned.
  public struct Outcome: Sendable {
    /// The exit status (the signal's number when it was killed).
    public let status: Int32
    /// Whether a signal ended the process.
    public let killed: Bool
    /// Standard output.
    public let stdout: String
    /// Standard error.
    public let stderr: String
  }

  /// The `ledger` binary beside the test bundle (or `$LEDGER_BIN`).
  public static var executable: URL {
    if let path = ProcessInfo.processInfo.environment["LEDGER_BIN"] { return URL(fileURLWithPath: path) }
    let runner = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    return runner.deletingLastPathComponent().appendingPathComponent("ledger")
  }

  /// Starts `ledger` with `arguments`, its output going to files in `directory`; `environment`
  /// adds to (or overrides) this process's environment.
  public static func start(
    _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:], in directory: TemporaryDirectory
  ) throws
    -> (Process, stdout: String, stderr: String)
  {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let tag = UUID().uuidString
    let out = directory.file("out-\(tag)")
    let err = directory.file("err-\(tag)")
    _ = FileManager.default.createFile(atPath: out, contents: nil)
    _ = FileManager.default.createFile(atPath: err, contents: nil)
    process.standardOutput = FileHandle(forWritingAtPath: out)
    process.standardError = FileHandle(forWritingAtPath: err)
    if let stdin {
      let input = directory.file("in-\(tag)")
      _ = FileManager.default.createFile(atPath: input, contents: stdin)
      process.standardInput = FileHandle(forReadingAtPath: input)
    } else {
      process.standardInput = FileHandle.nullDevice
    }
    try process.run()
    return (process, out, err)
  }

  /// Runs `ledger` with `arguments` to completion.
  public static func run(
    _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:], in directory: TemporaryDirectory
  ) throws
    -> Outcome
  {
    let (process, out, err) = try start(arguments, stdin: stdin, environment: environment, in: directory)
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, killed: process.terminationReason == .uncaughtSignal,
      stdout: String(decoding: FileManager.default.contents(atPath: out) ?? Data(), as: UTF8.self),
      stderr: String(decoding: FileManager.default.contents(atPath: err) ?? Data(), as: UTF8.self))
  }

  /// The address a server started with `--port 0` prints (`listening on http://HOST:PORT`) to
  /// the file `output`, once it does; `nil` if it has not within a minute.
  public static func listeningAddress(printedTo output: String) async throws -> String? {
    for _ in 0..<600 {
      let printed = String(decoding: FileManager.default.contents(atPath: output) ?? Data(), as: UTF8.self)
      if let line = printed.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }) {
        return String(line.dropFirst("listening on ".count))
      }
      try await Task.sleep(for: .milliseconds(100))
    }
    return nil
  }
}
