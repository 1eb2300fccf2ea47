import Foundation
import LedgerCore
import LedgerStorage
import LedgerTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A killed `ledger append` leaves all of its batch or none, and a chain that verifies.
struct CrashSafetyTests {
  static let batchSize = 4_000

  @Test func killingAnAppendAtRandomMomentsLeavesAllOrNoneOfTheBatch() throws {
    let directory = TemporaryDirectory()
    let db = directory.file("ledger.sqlite")
    let file = directory.write("batch.ndjson", Samples.ndjson(Samples.enrolments(Self.batchSize)))

    // One uncut run tells how long an append takes on this machine.
    let started = Date()
    #expect(try LedgerProcess.run(["append", "--db", db, file], in: directory).status == 0)
    let fullRun = Date().timeIntervalSince(started)

    var generator = SystemRandomNumberGenerator()
    var expected = Int64(Self.batchSize)
    var killedMidway = 0
    // The kill lands at a random moment of the expected run; when a run beats its kill, the
    // window shrinks toward that run's length, so machine load does not decide the outcome.
    var window = fullRun
    for _ in 0..<24 {
      let delay = Double.random(in: 0...window, using: &generator)
      let (process, _, _) = try LedgerProcess.start(["append", "--db", db, file], in: directory)
      usleep(UInt32(delay * 1_000_000))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      if process.terminationReason == .uncaughtSignal {
        killedMidway += 1
      } else {
        window = max(0.01, delay * 0.8)
      }

      let log = try SQLiteEventLog(path: db, create: false)
      let count = try log.headPosition()
      #expect(count == expected || count == expected + Int64(Self.batchSize), "a partial batch is visible")
      expected = count
      let verified = try LedgerProcess.run(["verify", "--db", db], in: directory)
      #expect(verified.status == 0, "ledger verify: \(verified.stderr)")
    }
    #expect(killedMidway >= 12, "most runs must be killed before they finish")
  }
}
