import LedgerCore

/// Where a live alert stream stands, as its SSE event ids carry it: the read models' cursor
/// (the last arrival number offered and the day due through) before the pass an event
/// belongs to, as `ARRIVAL.YYYY-MM-DD`. A client that reconnects with `Last-Event-ID` gets
/// that pass again and everything after it: at least once, in order.
struct StreamPosition: Equatable {
  /// The cursor, or `nil` at the beginning.
  let cursor: AlertCursor?

  /// The id text: `ARRIVAL.YYYY-MM-DD`, or `start`.
  var text: String { cursor.map { "\($0.arrival).\($0.day)" } ?? "start" }

  /// The position at `cursor`.
  init(_ cursor: AlertCursor?) {
    self.cursor = cursor
  }

  /// Reads a `Last-Event-ID`: the position part of an alert's event id (`ARRIVAL.DAY.ALERT-ID`)
  /// or of a `caught-up` event's (`ARRIVAL.DAY`).
  /// - Throws: a 400 ``Problem`` for an id this server did not send.
  init(lastEventID: String) throws {
    let parts = lastEventID.split(separator: ".", maxSplits: 2)
    if parts.first == "start" {
      self.init(nil)
      return
    }
    guard parts.count >= 2, let arrival = Int64(parts[0]), arrival >= 0,
      let day = try? CivilDate(parsing: String(parts[1]))
    else { throw Problem.badRequest("Last-Event-ID: \(lastEventID): not an id of this stream") }
    self.init(AlertCursor(arrival: arrival, day: day))
  }
}
