import Foundation
import LedgerCore
import LedgerStorage
import LedgerTestSupport
import Testing

/// Two processes appending to one database at the same time lose nothing.
struct ConcurrencyTests {
  @Test func twoProcessesAppendingAtOnceLandEveryEventWithGapFreePositions() async throws {
    let directory = TemporaryDirectory()
    let db = directory.file("ledger.sqlite")
    let rounds = 8
    let perRound = 500
    for writer in ["a", "b"] {
      for round in 0..<rounds {
        let events = Samples.enrolments(perRound, prefix: "\(writer)\(round)")
        directory.write("\(writer)-\(round).ndjson", Samples.ndjson(events))
      }
    }
    // Create the schema first so both writers start on an existing file.
    _ = try SQLiteEventLog(path: db)
    let failures = LockedCounter()
    DispatchQueue.concurrentPerform(iterations: 2) { index in
      let writer = index == 0 ? "a" : "b"
      for round in 0..<rounds {
        let outcome = try? LedgerProcess.run(
          ["append", "--db", db, directory.file("\(writer)-\(round).ndjson")], in: directory)
        if outcome?.status != 0 { failures.increment() }
      }
    }
    #expect(failures.value == 0)
    let log = try SQLiteEventLog(path: db, create: false)
    var positions: [Int64] = []
    var orgs = Set<String>()
    try await log.forEachEvent(from: 1, knownAt: .max) { event in
      positions.append(event.position)
      if case .organizationEnrolled(let enrolled) = event.event { orgs.insert(enrolled.org) }
    }
    let total = 2 * rounds * perRound
    #expect(positions == Array(1...Int64(total)))
    #expect(orgs.count == total)
    #expect(try await log.verify().isIntact)
  }
}

/// A counter several threads may bump.
final class LockedCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0

  func increment() {
    lock.lock()
    count += 1
    lock.unlock()
  }

  var value: Int {
    lock.lock()
    defer { lock.unlock() }
    return count
  }
}
