import Foundation
import LedgerCore
import LedgerNotifications
import LedgerStorage
import LedgerTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Sinks deliver or say they did not: no redirect counts as a delivery, every call and run
/// has a deadline, no child outlives notify, no half line stays in a file, no secret is shown.
struct SinkSafetyTests {
  static let now = NotifyCommandTests.now

  /// Whether `pid` is still running once a kill sent to it has had time to land: SIGKILL is
  /// delivered asynchronously, so this looks again (every 10 ms, for at most 20 s, a bound
  /// against hanging, not a timing assertion) until the process is gone.
  static func survives(_ pid: Int32) -> Bool {
    for _ in 0..<2_000 {
      guard isRunning(pid) else { return false }
      usleep(10_000)
    }
    return true
  }

  /// Whether `pid` names a live process (a killed one that nobody reaped yet is a zombie: not
  /// running).
  static func isRunning(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return false }
    let state = stat[stat.index(close, offsetBy: 2)]
    return state != "Z" && state != "X"
  }

  @Test(arguments: [302, 307])
  func aRedirectIsNotADelivery(status: Int) throws {
    let directory = TemporaryDirectory()
    let (db, alerts) = try NotifyCommandTests.ledger(organizations: 1, in: directory)
    let server = try TestHTTPServer(script: [status])
    defer { server.stop() }
    let sink = "webhook:" + server.url
    let run = try LedgerProcess.run(["notify", "--db", db, "--sink", sink, "--now", Self.now], in: directory)
    #expect(run.status == 69)
    #expect(run.stderr.contains("answered \(status), a redirect, which is not followed: not delivered"))
    #expect(server.requests.count == 1, "the redirect is not followed")
    #expect(
      try SQLiteEventLog(readingAt: db).acknowledgedAlerts(sink: sink, among: alerts.map(NotifyCommandTests.id)).isEmpty
    )
  }

  @Test func aWebhookThatNeverAnswersRunsIntoTheTimeout() throws {
    let directory = TemporaryDirectory()
    let (db, _) = try NotifyCommandTests.ledger(organizations: 1, in: directory)
    let server = try TestHTTPServer(script: [0])
    defer { server.stop() }
    let arguments = [
      "notify", "--db", db, "--sink", "webhook:" + server.url, "--now", Self.now, "--timeout-seconds", "1",
      "--attempts", "1",
    ]
    let run = try LedgerProcess.run(arguments, in: directory)
    #expect(run.status == 69)
    #expect(run.stderr.contains("no complete answer within 1.0 s"), "\(run.stderr)")
  }

  @Test func credentialsInAWebhookAddressAreNeitherPrintedNorStored() throws {
    let directory = TemporaryDirectory()
    let (db, alerts) = try NotifyCommandTests.ledger(organizations: 1, in: directory)
    let server = try TestHTTPServer(script: [])
    defer { server.stop() }
    let secretURL = server.url.replacingOccurrences(of: "http://", with: "http://user:hunter2@") + "?api_key=s3cret"
    let run = try LedgerProcess.run(
      ["notify", "--db", db, "--sink", "webhook:" + secretURL, "--now", Self.now], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(server.requests.count == alerts.count)
    #expect(run.stderr.contains("webhook:http://***@127.0.0.1"))
    #expect(!run.stderr.contains("hunter2") && !run.stderr.contains("s3cret"))
    let stored = try Data(contentsOf: URL(fileURLWithPath: db))
    #expect(stored.range(of: Data("hunter2".utf8)) == nil && stored.range(of: Data("s3cret".utf8)) == nil)
  }

  @Test func anExecRunPastItsTimeoutIsKilledWithEverythingItStarted() throws {
    let directory = TemporaryDirectory()
    let (db, _) = try NotifyCommandTests.ledger(organizations: 1, in: directory)
    let pidFile = directory.file("child.pid")
    let command = "sleep 60 & echo $! > \(pidFile); wait"
    let run = try LedgerProcess.run(
      [
        "notify", "--db", db, "--sink", "exec:" + command, "--now", Self.now, "--timeout-seconds", "1", "--attempts",
        "1",
      ],
      in: directory)
    #expect(run.status == 69)
    #expect(run.stderr.contains("did not finish within 1.0 s; its process group was killed"))
    let child = try #require(
      Int32(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
    #expect(!Self.survives(child), "the command's child is still running")
  }

  @Test func stoppingNotifyEndsTheRunningCommandsProcessGroup() throws {
    let directory = TemporaryDirectory()
    let (db, _) = try NotifyCommandTests.ledger(organizations: 1, in: directory)
    let pidFile = directory.file("child.pid")
    let command = "sleep 60 & echo $! > \(pidFile).tmp; mv \(pidFile).tmp \(pidFile); wait"
    let (process, _, _) = try LedgerProcess.start(
      ["notify", "--db", db, "--sink", "exec:" + command, "--now", Self.now], in: directory)
    while !FileManager.default.fileExists(atPath: pidFile), process.isRunning { usleep(10_000) }
    let child = try #require(
      Int32(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
    kill(process.processIdentifier, SIGTERM)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(!Self.survives(child), "the command's child outlived notify")
  }

  /// A real full disk: a 12 KiB tmpfs in a mount namespace of the test's own (`unshare`, no
  /// privileges needed where user namespaces are allowed), holding only the sink's file.
  @Test func aFileSinkNeverLeavesAHalfLineEvenWhenTheDiskFillsUp() throws {
    let directory = TemporaryDirectory()
    let (db, alerts) = try NotifyCommandTests.ledger(organizations: 20, in: directory)
    let mountPoint = directory.file("tiny")
    try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
    let (full, afterwards) = (directory.file("full.ndjson"), directory.file("after.ndjson"))
    // A crash once left half a line behind: it is cut before anything is appended. The first
    // run fills the disk and stops; the second, with room again, delivers the rest.
    let script = """
      set -u
      mount -t tmpfs -o size=12k tmpfs "$1" || exit 90
      printf '{"id":"alert-half' > "$1/alerts.ndjson"
      "$0" notify --db "$2" --sink "file:$1/alerts.ndjson" --now "$3" 2>/dev/null
      echo $? > "$4.status"
      cp "$1/alerts.ndjson" "$4"
      mount -o remount,size=1m "$1"
      "$0" notify --db "$2" --sink "file:$1/alerts.ndjson" --now "$3" || exit 91
      cp "$1/alerts.ndjson" "$5"
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
    process.arguments = [
      "-r", "-m", "sh", "-c", script, LedgerProcess.executable.path, mountPoint, db, Self.now, full, afterwards,
    ]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(try String(contentsOfFile: full + ".status", encoding: .utf8) == "69\n", "the full disk is reported")
    let partial = try String(contentsOfFile: full, encoding: .utf8)
    #expect(!partial.isEmpty && partial.hasSuffix("\n"), "only whole lines before the disk filled up")
    #expect(!partial.contains("alert-half"))
    let lines = try String(contentsOfFile: afterwards, encoding: .utf8).split(separator: "\n").map(String.init)
    #expect(lines == alerts, "every alert once, each line whole, nothing of the half line")
  }
}
