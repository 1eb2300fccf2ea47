import Foundation
import LedgerCore
import LedgerStorage
import LedgerTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A killed `ledger append` leaves all of its batch or none, and a chain that verifies.
@Suite(.serialized, .tags(.crash))
struct AppendKillTests {
  static let batchSize = 4_000

  /// Kills at chosen moments: after the first row, the second, half the batch, the last row,
  /// and just before the commit. Each leaves nothing of the batch; the next run writes it all.
  @Test(arguments: ["append.row:1", "append.row:2", "append.row:2000", "append.row:4000", "append.commit:1"])
  func anAppendKilledAtAChosenMomentLeavesNoneOfTheBatch(moment: String) throws {
    let directory = TemporaryDirectory()
    let db = directory.file("ledger.sqlite")
    let first = directory.write("first.ndjson", Samples.ndjson(Samples.enrolments(3)))
    #expect(try LedgerProcess.run(["append", "--db", db, first], in: directory).status == 0)
    let file = directory.write("batch.ndjson", Samples.ndjson(Samples.enrolments(Self.batchSize, from: 3)))

    let killed = try LedgerProcess.run(
      ["append", "--db", db, file], environment: ["LEDGER_CRASH_AT": moment], in: directory)
    #expect(killed.killed && killed.status == SIGKILL, "the crash point must be reached")
    #expect(try SQLiteEventLog(path: db, create: false).headPosition() == 3, "nothing of a killed batch is visible")
    let verified = try LedgerProcess.run(["verify", "--db", db], in: directory)
    #expect(verified.status == 0, "ledger verify: \(verified.stderr)")

    #expect(try LedgerProcess.run(["append", "--db", db, file], in: directory).status == 0)
    #expect(try SQLiteEventLog(path: db, create: false).headPosition() == Int64(3 + Self.batchSize))
    #expect(try LedgerProcess.run(["verify", "--db", db], in: directory).status == 0)
  }

  /// Kills from outside at random moments: whatever the moment, all or none of the batch.
  /// How many kills land mid-append depends on the machine, so it is not asserted.
  @Test func anAppendKilledAtARandomMomentLeavesAllOrNoneOfTheBatch() throws {
    let directory = TemporaryDirectory()
    let db = directory.file("ledger.sqlite")
    let file = directory.write("batch.ndjson", Samples.ndjson(Samples.enrolments(Self.batchSize)))
    var generator = SystemRandomNumberGenerator()
    var expected: Int64 = 0
    for _ in 0..<8 {
      let (process, _, _) = try LedgerProcess.start(["append", "--db", db, file], in: directory)
      usleep(UInt32.random(in: 0...400_000, using: &generator))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      // A kill before the schema was written leaves no ledger yet (no file, or an empty
      // one, which the next append makes a ledger): none of the batch.
      guard let log = try? SQLiteEventLog(readingAt: db) else {
        #expect(expected == 0, "a ledger with events became unreadable")
        continue
      }
      let count = try log.headPosition()
      #expect(count == expected || count == expected + Int64(Self.batchSize), "a partial batch is visible")
      expected = count
      let verified = try LedgerProcess.run(["verify", "--db", db], in: directory)
      #expect(verified.status == 0, "ledger verify: \(verified.stderr)")
    }
  }
}
