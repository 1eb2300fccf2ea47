import Foundation
import LedgerTestSupport
import Testing

/// The README says what the real binary does: its quick start prints what it quotes, and its
/// command table names real commands and options.
struct ReadmeTests {
  static let readme: String = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return (try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
  }()

  /// The quick start's commands (continuation lines joined) and the lines quoted after each.
  static func quickStart() -> [(command: String, expected: [String])] {
    guard let start = readme.range(of: "## Quick start"),
      let open = readme.range(of: "```console\n", range: start.upperBound..<readme.endIndex),
      let close = readme.range(of: "\n```", range: open.upperBound..<readme.endIndex)
    else { return [] }
    var steps: [(String, [String])] = []
    var continuing = false
    for line in readme[open.upperBound..<close.lowerBound].split(separator: "\n", omittingEmptySubsequences: false) {
      if continuing, var last = steps.popLast() {
        last.0 += " " + line.trimmingCharacters(in: .whitespaces)
        continuing = last.0.hasSuffix("\\")
        if continuing { last.0.removeLast() }
        steps.append(last)
      } else if line.hasPrefix("$ ") {
        var command = String(line.dropFirst(2))
        continuing = command.hasSuffix("\\")
        if continuing { command.removeLast() }
        steps.append((command, []))
      } else if !steps.isEmpty, !line.isEmpty, line != "…" {
        steps[steps.count - 1].1.append(String(line))
      }
    }
    return steps
  }

  /// Whether `line` is what `pattern` quotes, a `…` standing for any text.
  static func matches(_ line: String, _ pattern: String) -> Bool {
    let parts = pattern.components(separatedBy: "…")
    guard parts.count > 1 else { return line == pattern }
    var rest = Substring(line)
    guard rest.hasPrefix(parts[0]) else { return false }
    rest = rest.dropFirst(parts[0].count)
    for part in parts.dropFirst().dropLast() {
      guard let found = rest.range(of: part) else { return false }
      rest = rest[found.upperBound...]
    }
    return rest.hasSuffix(parts.last!)
  }

  @Test func theQuickStartPrintsWhatItQuotes() throws {
    let directory = TemporaryDirectory()
    let db = directory.file("demo.sqlite")
    let steps = Self.quickStart()
    try #require(steps.count >= 5)
    // One shell runs the steps in order, a marker between; `$?` is carried over the marker,
    // so `echo $?` sees the step before it.
    var script = "s=0\n"
    for (index, step) in steps.enumerated() {
      let command = step.command.replacingOccurrences(of: "swift run ledger", with: LedgerProcess.executable.path)
        .replacingOccurrences(of: "/tmp/demo.sqlite", with: db)
      script += "echo '@@step \(index)'\n(exit $s)\n\(command) 2>&1\ns=$?\n"
    }
    let shell = Process()
    shell.executableURL = URL(fileURLWithPath: "/bin/sh")
    shell.arguments = ["-c", script]
    let output = Pipe()
    shell.standardOutput = output
    try shell.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    shell.waitUntilExit()
    let printed = text.components(separatedBy: "\n").split { $0.hasPrefix("@@step ") }.map(Array.init)
    try #require(printed.count == steps.count)
    for (step, lines) in zip(steps, printed) {
      var remaining = lines[...]
      for expected in step.expected {
        let quoted = expected.replacingOccurrences(of: "/tmp/demo.sqlite", with: db)
        guard let found = remaining.firstIndex(where: { Self.matches($0, quoted) }) else {
          Issue.record("`\(step.command)` did not print, in order: \(expected)")
          break
        }
        remaining = remaining[(found + 1)...]
      }
    }
  }

  /// The subcommands the binary has, from its help.
  static func subcommands() throws -> [String] {
    let help = try LedgerProcess.run(["--help"], in: TemporaryDirectory()).stdout
    guard let section = help.range(of: "SUBCOMMANDS:") else { return [] }
    return help[section.upperBound...].split(separator: "\n").compactMap { line in
      guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first,
        name.allSatisfy({ $0.isLowercase || $0 == "-" })
      else { return nil }
      return String(name)
    }
  }

  @Test func theCommandTableNamesEveryCommandAndOnlyOptionsTheyTake() throws {
    let table = Self.readme.components(separatedBy: "\n").filter { $0.hasPrefix("| `ledger ") }
    let subcommands = try Self.subcommands()
    try #require(subcommands.count > 20)
    for subcommand in subcommands {
      #expect(
        table.contains {
          $0.contains("`ledger \(subcommand)") || $0.contains("`\(subcommand)`") || $0.contains("|\(subcommand) ")
        },
        "the README's table lacks \(subcommand)")
    }
    let directory = TemporaryDirectory()
    for row in table {
      let cell = row.split(separator: "|", omittingEmptySubsequences: false)[1]
      guard let name = cell.split(separator: "`")[0].split(separator: " ").dropFirst().first else { continue }
      let command = String(name.split(separator: "\\").first ?? name)
      let help = try LedgerProcess.run([command, "--help"], in: directory)
      #expect(help.status == 0, "ledger \(command) --help")
      let options = cell.matches(of: /--[a-z][a-z-]*/).map { String($0.output) }
      for option in options where option != "--known-at" || !help.stdout.isEmpty {
        #expect(help.stdout.contains(option), "ledger \(command) has no \(option), which the README names")
      }
    }
  }
}
