internal import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Deterministic crash moments for the crash tests: with `LEDGER_CRASH_AT=NAME:N` in its
/// environment, the process kills itself with SIGKILL the N-th time it reaches the point
/// `NAME`, exactly as an outside `kill -9` would, but at a moment the test chose.
///
/// Points: `append.row` (after the N-th row of an append transaction is written, before the
/// commit), `append.commit` (the N-th append, just before `COMMIT`), `notify.delivered`
/// (after the N-th alert reached its sink, before it is acknowledged) and
/// `notify.acknowledged` (after the N-th acknowledgement committed) and `project.batch`
/// (after the projector's N-th batch of read models committed) and `migrate.row` (after the
/// N-th event row is rewritten by migration 8, before its commit). Without the variable
/// every check is one comparison.
package enum CrashPoint {
  /// The point and count named by `$LEDGER_CRASH_AT`, read once.
  private static let configured: (name: String, count: Int)? = {
    guard let text = ProcessInfo.processInfo.environment["LEDGER_CRASH_AT"],
      let colon = text.lastIndex(of: ":"), let count = Int(text[text.index(after: colon)...]), count > 0
    else { return nil }
    return (String(text[..<colon]), count)
  }()

  /// Kills the process when `name` is the configured point and `count` its configured count.
  package static func reach(_ name: StaticString, count: Int) {
    guard let configured, configured.count == count, configured.name == name.description else { return }
    kill(getpid(), SIGKILL)
  }
}
