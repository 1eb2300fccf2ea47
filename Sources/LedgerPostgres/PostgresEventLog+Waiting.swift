public import LedgerCore
import PostgresNIO

extension PostgresEventLog: AppendWaiting {
  /// Listens on ``PostgresSchema/appendChannel``, then reads the head (so an append that
  /// committed before the listening began is seen), then waits for a notification or the
  /// timeout.
  public func waitForAppend(after position: Int64, timeout: Duration) async throws {
    let (connection, logger) = (self.connection, self.logger)
    do {
      try await connection.listen(on: PostgresSchema.appendChannel) { notifications in
        let head =
          try await connection.query("SELECT coalesce(max(position), 0) FROM events", logger: logger)
          .collect().first?.decode(Int64.self) ?? 0
        guard head <= position else { return }
        try await withThrowingTaskGroup(of: Void.self) { group in
          group.addTask {
            for try await notification in notifications where Int64(notification.payload) ?? .max > position {
              return
            }
          }
          group.addTask { try await Task.sleep(for: timeout) }
          try await group.next()
          group.cancelAll()
        }
      }
    } catch is CancellationError {
      throw CancellationError()
    } catch {
      throw PostgresFailure(doing: "waiting for appends to \(location)", error: error)
    }
  }
}
