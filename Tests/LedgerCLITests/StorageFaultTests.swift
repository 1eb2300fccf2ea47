import Foundation
import LedgerCore
import LedgerStorage
import LedgerTestSupport
import Testing

/// Reading never writes, a file that is not a ledger is left untouched, and storage faults
/// have their own exit codes and words.
struct StorageFaultTests {
  let directory = TemporaryDirectory()

  func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

  @Test(arguments: ["verify", "status", "log", "alerts"])
  func anEmptyFileIsNotALedgerAndStaysEmpty(command: String) throws {
    let path = directory.write("empty.sqlite", "")
    let arguments = command == "status" ? [command, "contoso", "--db", path] : [command, "--db", path]
    let outcome = try LedgerProcess.run(arguments, in: directory)
    #expect(outcome.status == 65)
    #expect(outcome.stderr == "\(path): not a ledger database (no ledger schema in it); nothing was changed\n")
    #expect(bytes(path)?.isEmpty == true)
  }

  @Test func anotherProgramsDatabaseIsRefusedForReadingAndWritingAndLeftUnchanged() throws {
    let path = directory.file("other.sqlite")
    let other = try SQLiteConnection(path: path, mode: .create)
    try other.execute("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine')")
    let before = bytes(path)
    #expect(try LedgerProcess.run(["verify", "--db", path], in: directory).status == 65)
    let append = try LedgerProcess.run(
      ["append", "--db", path], stdin: Data(CheckedAppendTests.enrol.utf8), in: directory)
    #expect(append.status == 65)
    #expect(append.stderr.contains("not a ledger database"))
    #expect(bytes(path) == before)
  }

  @Test func readingAnOlderLedgerRunsNoMigrationAndWritesNothing() async throws {
    let current = TemporaryLedger()
    _ = try current.open().append(Samples.enrolments(3))
    // The same events as the previous release wrote them.
    let ledger = TemporaryLedger()
    try await LegacyLedger.write(from: current.path, to: ledger.path, version: 7)
    let before = bytes(ledger.path)
    for arguments in [["verify"], ["status", "org-1"], ["log"]] {
      let outcome = try LedgerProcess.run(arguments + ["--db", ledger.path], in: ledger.directory)
      #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
    }
    #expect(bytes(ledger.path) == before, "a read changed the database file")
  }

  @Test func aLedgerOnReadOnlyMediaReadsAsAnImmutableArchive() async throws {
    let ledger = TemporaryLedger()
    _ = try ledger.open().append(Samples.enrolments(3))
    let archive = try SQLiteEventLog(readingAt: ledger.path)
    #expect(try await archive.verify().firstMismatch == nil)
    let immutable = try SQLiteConnection(path: ledger.path, mode: .immutable)
    #expect(try immutable.integer("SELECT count(*) FROM events") == 3)
  }

  @Test func aNewerSchemaIsADataErrorNamingTheVersion() throws {
    let ledger = TemporaryLedger()
    _ = try ledger.open().append(Samples.enrolments(1))
    try SQLiteConnection(path: ledger.path, mode: .existing).execute("PRAGMA user_version = 99")
    let outcome = try LedgerProcess.run(["verify", "--db", ledger.path], in: ledger.directory)
    #expect(outcome.status == 65)
    #expect(outcome.stderr.contains("schema version 99 is newer than this ledger supports"))
  }

  @Test(arguments: ["lots", "-1", "1.5", ""])
  func aMapSizeThatIsNotAByteCountIsAUsageErrorAndOpensNothing(value: String) throws {
    let path = directory.file("never.sqlite")
    let append = try LedgerProcess.run(
      ["append", "--db", path], stdin: Data(CheckedAppendTests.enrol.utf8),
      environment: ["LEDGER_MMAP_BYTES": value], in: directory)
    #expect(append.status == 64)
    #expect(
      append.stderr == "LEDGER_MMAP_BYTES=\(value): expected a whole number of bytes, 0 or more; nothing was changed\n")
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func aLedgerReadsAndWritesTheSameWithNothingMapped() throws {
    let path = directory.file("unmapped.sqlite")
    let unmapped = ["LEDGER_MMAP_BYTES": "0"]
    let append = try LedgerProcess.run(
      ["append", "--db", path], stdin: Data(Samples.ndjson(Samples.enrolments(50)).utf8), environment: unmapped,
      in: directory)
    #expect(append.status == 0, "\(append.stderr)")
    let mapped = try LedgerProcess.run(["log", "--json", "--db", path], in: directory)
    let plain = try LedgerProcess.run(["log", "--json", "--db", path], environment: unmapped, in: directory)
    #expect(plain.status == 0)
    #expect(plain.stdout.split(separator: "\n").count == 50)
    #expect(plain.stdout == mapped.stdout)
  }

  /// A full disk, made real with a file-size limit on the process (no privileges needed):
  /// the append fails with 74 and leaves the ledger as it was.
  @Test func aFullDiskExits74AndLeavesTheLedgerAsItWas() async throws {
    let ledger = TemporaryLedger()
    _ = try ledger.open().append(Samples.enrolments(2))
    let file = ledger.directory.write("big.ndjson", Samples.ndjson(Samples.enrolments(5_000, from: 2)))
    let script = "ulimit -f 256; exec \"$0\" append --db \"$1\" \"$2\""
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script, LedgerProcess.executable.path, ledger.path, file]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 74, "\(stderr)")
    #expect(stderr.hasPrefix("\(ledger.path): "), "\(stderr)")
    #expect(try SQLiteEventLog(readingAt: ledger.path).headPosition() == 2)
    #expect(try await SQLiteEventLog(readingAt: ledger.path).verify().firstMismatch == nil)
  }
}
