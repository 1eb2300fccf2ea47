/// A log that wakes a follower when an event is recorded, so `project --follow`, `notify
/// --follow` and the server's live alerts wait on the database instead of polling its head
/// (PostgreSQL's `LISTEN`/`NOTIFY`; a SQLite file has no such signal and is polled).
public protocol AppendWaiting: EventLog {
  /// Returns once the head is past `position`, or when `timeout` has passed, whichever is
  /// first; an append committed while this starts listening is not missed.
  func waitForAppend(after position: Int64, timeout: Duration) async throws
}

extension EventLog {
  /// Waits for an append after `position` where the log can signal one, else sleeps for
  /// `timeout`: what a follower does between passes.
  public func waitForChange(after position: Int64, timeout: Duration) async throws {
    if let waiting = self as? any AppendWaiting {
      try await waiting.waitForAppend(after: position, timeout: timeout)
    } else {
      try await Task.sleep(for: timeout)
    }
  }
}
