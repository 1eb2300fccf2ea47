import Foundation
import LedgerCore
import LedgerNotifications
import LedgerStorage
import LedgerTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `ledger notify`: at least once, in order, never skipped, one courier per sink.
struct NotifyCommandTests {
  static let now = "2022-01-01"

  /// A ledger of `organizations` alerting organizations, with the alerts `ledger alerts`
  /// lists as due on ``now``, as NDJSON lines.
  static func ledger(organizations: Int, in directory: TemporaryDirectory) throws -> (db: String, alerts: [String]) {
    let db = directory.file("ledger.sqlite")
    let events = directory.write("events.ndjson", Samples.ndjson(Samples.alertingOrganizations(organizations)))
    #expect(
      try LedgerProcess.run(["append", "--unchecked", "--actor", "tester", "--db", db, events], in: directory).status
        == 0)
    let listed = try LedgerProcess.run(["alerts", "--db", db, "--to", now, "--json"], in: directory)
    return (db, try listed.stdout.split(separator: "\n").map { try withoutGround(String($0)) })
  }

  /// An `alerts --json` line without the answer's ground (position and root), which the
  /// alert a sink receives does not carry.
  static func withoutGround(_ line: String) throws -> String {
    guard case .object(let members) = try JSONParser.parse(Array(line.utf8)) else { throw POSIXError(.EINVAL) }
    let alert = JSONValue.object(members.filter { $0.key != "knownAtPosition" && $0.key != "rootHash" })
    return String(decoding: alert.canonicalBytes, as: UTF8.self)
  }

  static func id(_ line: String) throws -> String {
    guard case .object(let members) = try JSONParser.parse(Array(line.utf8)),
      case .string(let id) = members.first(where: { $0.key == "id" })?.value
    else { throw POSIXError(.EINVAL) }
    return id
  }

  @Test func aFileSinkGetsEveryDueAlertInOrderAndARerunDeliversNothingNew() throws {
    let directory = TemporaryDirectory()
    let (db, alerts) = try Self.ledger(organizations: 3, in: directory)
    #expect(alerts.count == 12)
    let sink = "file:" + directory.file("alerts.ndjson")
    for _ in 0..<2 {
      let run = try LedgerProcess.run(["notify", "--db", db, "--sink", sink, "--now", Self.now], in: directory)
      #expect(run.status == 0, "\(run.stderr)")
    }
    let delivered = try String(contentsOfFile: directory.file("alerts.ndjson"), encoding: .utf8)
    #expect(delivered.split(separator: "\n").map(String.init) == alerts)
  }

  @Test func onlyAlertsDueByNowAreDelivered() throws {
    let directory = TemporaryDirectory()
    let (db, _) = try Self.ledger(organizations: 2, in: directory)
    let run = try LedgerProcess.run(["notify", "--db", db, "--sink", "stdout", "--now", "2021-02-15"], in: directory)
    let delivered = try run.stdout.split(separator: "\n").map { try Self.id(String($0)) }
    let listed = try LedgerProcess.run(["alerts", "--db", db, "--to", "2021-02-15", "--json"], in: directory)
    let due = try listed.stdout.split(separator: "\n").map { try Self.id(String($0)) }
    #expect(delivered.count == 4)
    #expect(delivered == due)
  }

  @Test func aWebhookIsRetriedOn5xxWithTheSameIdempotencyKeyAndNothingIsSkipped() throws {
    let directory = TemporaryDirectory()
    let (db, alerts) = try Self.ledger(organizations: 2, in: directory)
    let server = try TestHTTPServer(script: [503, 500, 200, 502])
    defer { server.stop() }
    let run = try LedgerProcess.run(
      ["notify", "--db", db, "--sink", "webhook:" + server.url, "--now", Self.now, "--backoff-ms", "10"],
      in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    let requests = server.requests
    let keys = requests.map { $0.headers["idempotency-key"] ?? "" }
    let ids = try alerts.map(Self.id)
    #expect(keys == [ids[0], ids[0], ids[0], ids[1], ids[1]] + ids.dropFirst(2))
    let accepted = requests.filter { $0.status == 200 }
    #expect(accepted.map { String(decoding: $0.body, as: UTF8.self) } == alerts)
    #expect(requests.allSatisfy { $0.headers["content-type"] == "application/json" })
  }

  @Test func aWebhook4xxStopsTheSinkThereAndTheNextRunResumesWithThatAlert() throws {
    let directory = TemporaryDirectory()
    let (db, alerts) = try Self.ledger(organizations: 1, in: directory)
    let server = try TestHTTPServer(script: [200, 422])
    defer { server.stop() }
    let arguments = ["notify", "--db", db, "--sink", "webhook:" + server.url, "--now", Self.now]
    let refused = try LedgerProcess.run(arguments, in: directory)
    #expect(refused.status == 69)
    #expect(refused.stderr.contains("answered 422"))
    #expect(server.requests.count == 2, "a 4xx is not retried, and nothing after it is sent")
    #expect(try LedgerProcess.run(arguments, in: directory).status == 0)
    let ids = try alerts.map(Self.id)
    #expect(server.requests.map { $0.headers["idempotency-key"] ?? "" } == [ids[0], ids[1]] + ids.dropFirst(1))
  }

  @Test func anExecSinkRetriesAFailingCommandThenStopsWithoutSkipping() throws {
    let directory = TemporaryDirectory()
    let (db, alerts) = try Self.ledger(organizations: 1, in: directory)
    let got = directory.file("got.ndjson")
    let tries = directory.file("tries")
    // Fails on its first two runs, then appends what it reads.
    let command =
      "n=$(cat \(tries) 2>/dev/null || echo 0); echo $((n+1)) > \(tries); [ $n -ge 2 ] && { cat >> \(got); echo >> \(got); }"
    let arguments = ["notify", "--db", db, "--sink", "exec:" + command, "--now", Self.now, "--backoff-ms", "1"]
    let run = try LedgerProcess.run(arguments, in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try String(contentsOfFile: got, encoding: .utf8).split(separator: "\n").map(String.init) == alerts)

    let failing = [
      "notify", "--db", db, "--sink", "exec:exit 3", "--now", Self.now, "--backoff-ms", "1", "--attempts", "2",
    ]
    let stopped = try LedgerProcess.run(failing, in: directory)
    #expect(stopped.status == 69)
    #expect(stopped.stderr.contains("command exited with status 3 (after 2 attempts)"))
    let log = try SQLiteEventLog(path: db, create: false)
    #expect(try log.acknowledgedAlerts(sink: "exec:exit 3", among: alerts.map(Self.id)).isEmpty)
  }

  @Test func aSecondNotifyOnTheSameSinkIsRefusedWhileTheFirstLives() throws {
    let directory = TemporaryDirectory()
    let (db, _) = try Self.ledger(organizations: 1, in: directory)
    let log = try SQLiteEventLog(path: db, create: false)
    let host = ProcessInfo.processInfo.hostName
    let far = RecordedInstant(microseconds: Int64(Date().timeIntervalSince1970 * 1e6) + 600_000_000)
    // This test process stands for a live notify holding the lease.
    #expect(
      try log.claimLease(SinkLease(sink: "stdout", holder: "\(host) \(getpid()) live", expires: far), replacing: nil))
    let refused = try LedgerProcess.run(["notify", "--db", db, "--sink", "stdout", "--now", Self.now], in: directory)
    #expect(refused.status == 69)
    #expect(refused.stderr.contains("is being delivered by another notify"))
    #expect(refused.stdout.isEmpty)

    // A holder whose process is gone is taken over at once.
    let current = try log.lease(of: "stdout")
    #expect(
      try log.claimLease(SinkLease(sink: "stdout", holder: "\(host) 999999 dead", expires: far), replacing: current))
    let taken = try LedgerProcess.run(["notify", "--db", db, "--sink", "stdout", "--now", Self.now], in: directory)
    #expect(taken.status == 0, "\(taken.stderr)")
    #expect(taken.stdout.split(separator: "\n").count == 4)
  }
}
