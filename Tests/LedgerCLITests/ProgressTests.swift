import Foundation
import LedgerTestSupport
import Testing

/// Long appends show their progress on a terminal, and nothing when piped or with --quiet.
struct ProgressTests {
  let directory = TemporaryDirectory()

  /// Runs `ledger` under a pseudo-terminal (util-linux `script`) and returns what the
  /// terminal showed.
  func onATerminal(_ arguments: [String]) throws -> String {
    let command =
      "LEDGER_PROGRESS_INTERVAL_MS=0 "
      + ([LedgerProcess.executable.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-qec", command, "/dev/null"]
    let out = directory.file("terminal-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: out, contents: nil)
    process.standardOutput = FileHandle(forWritingAtPath: out)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return String(decoding: FileManager.default.contents(atPath: out) ?? Data(), as: UTF8.self)
  }

  var input: String { directory.write("events.ndjson", Samples.ndjson(Samples.enrolments(2_000))) }

  @Test func aLongAppendShowsItsProgressOnATerminal() throws {
    let shown = try onATerminal(["append", "--db", directory.file("a.sqlite"), input])
    #expect(shown.contains("append: checked 2,000 lines"))
    #expect(shown.contains("append: appended 2,000 of 2,000 events"))
    #expect(shown.contains("appended 2000 events at positions 1…2000"))
  }

  @Test func aLongVerifyShowsItsProgress() throws {
    let db = directory.file("v.sqlite")
    let events = directory.write("more.ndjson", Samples.ndjson(Samples.enrolments(5_000)))
    #expect(try LedgerProcess.run(["append", "--db", db, events], in: directory).status == 0)
    let shown = try onATerminal(["verify", "--db", db])
    #expect(shown.contains("verify: checked 4,096 of 5,000 events"), "\(shown.suffix(300))")
    #expect(!(try onATerminal(["verify", "--quiet", "--db", db])).contains("verify: "))
  }

  @Test func aLongProjectionShowsItsProgress() throws {
    let db = directory.file("r.sqlite")
    let events = directory.write("orgs.ndjson", Samples.ndjson(Samples.enrolments(450)))
    #expect(try LedgerProcess.run(["append", "--db", db, events], in: directory).status == 0)
    let shown = try onATerminal(["project", "--db", db])
    #expect(shown.contains("project: folded 200 of 450 organizations"), "\(shown.suffix(300))")
    #expect(shown.contains("read models at position 450: 450 organization(s) folded (events 1…450)"))
    let piped = try LedgerProcess.run(["project", "--rebuild", "--db", db], in: directory)
    #expect(piped.status == 0 && piped.stderr.isEmpty)
  }

  @Test func quietOrPipedItShowsNone() throws {
    let quiet = try onATerminal(["append", "--quiet", "--db", directory.file("q.sqlite"), input])
    #expect(!quiet.contains("append: "))
    let piped = try LedgerProcess.run(["append", "--db", directory.file("p.sqlite"), input], in: directory)
    #expect(piped.status == 0 && piped.stderr.isEmpty)
  }
}
