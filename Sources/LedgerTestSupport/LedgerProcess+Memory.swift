import Foundation

extension LedgerProcess {
  /// Runs `ledger` with `arguments`, its output discarded, and returns its exit status and
  /// its peak resident memory in KiB.
  ///
  /// A child spawned from this (large) test process would inherit its high-water mark, so
  /// the run goes through a small Python parent that reports its child's own `ru_maxrss`.
  /// `environment` adds to (or overrides) this process's environment.
  public static func peakMemory(
    _ arguments: [String], environment: [String: String] = [:], in directory: TemporaryDirectory
  ) throws -> (
    status: Int32, peakKiB: Int
  ) {
    let script = """
      import resource, subprocess, sys
      status = subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL).returncode
      print(status, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, executable.path] + arguments
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let report = directory.file("peak-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: report, contents: nil)
    process.standardOutput = FileHandle(forWritingAtPath: report)
    try process.run()
    process.waitUntilExit()
    let words = String(decoding: FileManager.default.contents(atPath: report) ?? Data(), as: UTF8.self)
      .split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    guard process.terminationStatus == 0, words.count == 2 else {
      throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "python3 could not measure the run"])
    }
    return (Int32(words[0]), words[1])
  }
}
