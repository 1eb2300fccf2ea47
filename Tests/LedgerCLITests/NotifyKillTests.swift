import Foundation
import LedgerCore
import LedgerNotifications
import LedgerStorage
import LedgerTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A killed `ledger notify` never loses, reorders or alters an alert: a kill between delivery
/// and acknowledgement redelivers that one alert, identical, and nothing else.
@Suite(.serialized, .tags(.crash))
struct NotifyKillTests {
  static let now = NotifyCommandTests.now

  /// The delivered file's lines.
  static func lines(_ path: String) throws -> [String] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
  }

  @Test func aKillAfterADeliveryBeforeItsAcknowledgementRedeliversExactlyThatAlert() throws {
    let directory = TemporaryDirectory()
    let (db, alerts) = try NotifyCommandTests.ledger(organizations: 5, in: directory)
    try #require(alerts.count == 20)
    let path = directory.file("alerts.ndjson")
    let arguments = ["notify", "--db", db, "--sink", "file:" + path, "--now", Self.now]
    // Kill after the 3rd delivery of a run, three runs in a row, then let one run finish.
    var expected: [String] = []
    var next = 0
    for _ in 0..<3 {
      let run = try LedgerProcess.run(arguments, environment: ["LEDGER_CRASH_AT": "notify.delivered:3"], in: directory)
      #expect(run.killed, "the crash point must be reached")
      // The run delivered alerts next, next+1, next+2 and acknowledged only the first two.
      expected += alerts[next..<next + 3]
      next += 2
      #expect(try Self.lines(path) == expected)
      let ids = try alerts.map(NotifyCommandTests.id)
      #expect(
        try SQLiteEventLog(path: db, create: false).acknowledgedAlerts(sink: "file:" + path, among: ids)
          == Set(ids.prefix(next)))
    }
    #expect(try LedgerProcess.run(arguments, in: directory).status == 0)
    expected += alerts[next...]
    #expect(try Self.lines(path) == expected, "each killed alert delivered once more, identical; nothing skipped")
  }

  @Test func aKillAfterAnAcknowledgementRepeatsNothing() throws {
    let directory = TemporaryDirectory()
    let (db, alerts) = try NotifyCommandTests.ledger(organizations: 3, in: directory)
    try #require(alerts.count == 12)
    let path = directory.file("alerts.ndjson")
    let arguments = ["notify", "--db", db, "--sink", "file:" + path, "--now", Self.now]
    let run = try LedgerProcess.run(arguments, environment: ["LEDGER_CRASH_AT": "notify.acknowledged:4"], in: directory)
    #expect(run.killed)
    #expect(try Self.lines(path) == Array(alerts.prefix(4)))
    #expect(try LedgerProcess.run(arguments, in: directory).status == 0)
    #expect(try Self.lines(path) == alerts)
  }

  /// Kills from outside at random moments: every alert at least once, in order, each copy
  /// identical. How many kills land mid-delivery depends on the machine: not asserted.
  @Test func killingNotifyAtRandomMomentsNeverLosesOrReordersAnAlert() throws {
    let directory = TemporaryDirectory()
    let (db, alerts) = try NotifyCommandTests.ledger(organizations: 60, in: directory)
    let path = directory.file("alerts.ndjson")
    let arguments = ["notify", "--db", db, "--sink", "file:" + path, "--now", Self.now]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<8 {
      let (process, _, _) = try LedgerProcess.start(arguments, in: directory)
      usleep(UInt32.random(in: 0...600_000, using: &generator))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    #expect(try LedgerProcess.run(arguments, in: directory).status == 0)

    let expected = Dictionary(uniqueKeysWithValues: try alerts.map { (try NotifyCommandTests.id($0), $0) })
    var firstSeen: [String] = []
    for line in (try? Self.lines(path)) ?? [] {
      let id = try NotifyCommandTests.id(line)
      #expect(expected[id] == line, "a redelivered alert carries the same key and content")
      if !firstSeen.contains(id) { firstSeen.append(id) }
    }
    #expect(firstSeen == (try alerts.map(NotifyCommandTests.id)), "every alert at least once, in order")
  }
}
