import Foundation

/// A program built beside this one (`ledger-server`, `ledger-postgres`), which a command
/// replaces itself with, so signals and exit codes are the sibling's own.
struct SiblingProgram {
  /// Its name, beside this executable.
  let name: String
  /// How to build it, for the message when it is missing.
  var build: String { "swift build --product \(name)" }

  /// Its path: beside this executable.
  var path: String {
    URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
      .appendingPathComponent(name).path
  }

  /// Replaces this process with the program, given `arguments` (after its name).
  /// - Throws: ``CommandFailure`` (69) when it is not built, (70) when it cannot run.
  func exec(_ arguments: [String]) throws -> Never {
    let path = self.path
    guard FileManager.default.isExecutableFile(atPath: path) else {
      throw CommandFailure(status: .refused, lines: ["\(path): \(name) is not built; build it with `\(build)`"])
    }
    var pointers = ([name] + arguments).map { strdup($0) } + [nil]
    execv(path, &pointers)
    throw CommandFailure(status: .software, lines: ["\(path): cannot run it: \(String(cString: strerror(errno)))"])
  }
}
