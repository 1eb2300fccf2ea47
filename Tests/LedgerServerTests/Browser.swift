import Foundation
import LedgerCore
import LedgerTestSupport

/// Headless Chromium, driven through its DevTools pipe by `tools/browser/drive.py`: a list of
/// steps in, the values of the `eval` steps out.
enum Browser {
  /// The package's root directory.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Whether the page tests run: Chromium is installed here, or this is CI (where `.ci/run`
  /// installs it, so its absence is a failure, not a reason to skip).
  static let isAvailable =
    FileManager.default.isExecutableFile(atPath: "/usr/lib/chromium/chromium")
    || FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
    || ProcessInfo.processInfo.environment["CI"] != nil

  /// Where the tests save their screenshots: `.build/screenshots` in the package.
  static let screenshots: URL = {
    let directory = root.appendingPathComponent(".build/screenshots")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }()

  /// One step of a script.
  enum Step {
    case navigate(String)
    case eval(String)
    case act(String)
    case screenshot(String)

    var json: JSONValue {
      switch self {
      case .navigate(let url): .object([("navigate", .string(url))])
      case .eval(let script): .object([("eval", .string(script))])
      case .act(let script): .object([("act", .string(script))])
      case .screenshot(let name):
        .object([("screenshot", .string(Browser.screenshots.appendingPathComponent(name).path))])
      }
    }
  }

  /// A failed run of the driver, with what it said.
  struct Failure: Error, CustomStringConvertible {
    let status: Int32
    let stderr: String
    var description: String { "drive.py exited \(status): \(stderr)" }
  }

  /// Runs `steps` in one tab; returns each `eval` step's value. It waits without holding a
  /// thread: the server the browser talks to runs on the same concurrency pool.
  static func run(_ steps: [Step], in directory: TemporaryDirectory) async throws -> [JSONValue] {
    let script = directory.write(
      "steps-\(UUID().uuidString).json",
      String(decoding: JSONValue.array(steps.map(\.json)).canonicalBytes, as: UTF8.self))
    let (out, err) = (
      directory.file("browser-\(UUID().uuidString).out"), directory.file("browser-\(UUID().uuidString).err")
    )
    for file in [out, err] { _ = FileManager.default.createFile(atPath: file, contents: nil) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", root.appendingPathComponent("tools/browser/drive.py").path]
    process.standardInput = FileHandle(forReadingAtPath: script)
    process.standardOutput = FileHandle(forWritingAtPath: out)
    process.standardError = FileHandle(forWritingAtPath: err)
    await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
      process.terminationHandler = { _ in finished.resume() }
      do {
        try process.run()
      } catch {
        process.terminationHandler = nil
        finished.resume()
      }
    }
    let printed = FileManager.default.contents(atPath: out) ?? Data()
    guard process.terminationStatus == 0, case .array(let values) = try JSONParser.parse(Array(printed)) else {
      throw Failure(
        status: process.terminationStatus,
        stderr: String(decoding: FileManager.default.contents(atPath: err) ?? Data(), as: UTF8.self))
    }
    return values
  }
}
