import HTTPTypes
import Hummingbird
import LedgerCore
import LedgerPresentation
import LedgerQueries
import LedgerStorage
import ServiceLifecycle

extension LedgerService {
  /// `GET /alerts/stream`: the alerts the caller may read as server-sent events, in delivery
  /// order, each due (effective through today) and as known at the head, with the same ids
  /// and documents as `ledger notify` delivers. A pass catches the read models up and sends
  /// what arrived or fell due since the last; the stream then waits for a new position in
  /// the log (woken by `NOTIFY` on PostgreSQL, polling a file) or a new day. `Last-Event-ID`
  /// resumes after a reconnection, at least once.
  func addAlertStreamRoute(to group: RouterGroup<LedgerRequestContext>) {
    group.get("alerts/stream") { request, context in
      let principal = try context.signedIn()
      let asked = request.uri.queryParameters.get("org")
      try principal.requireAlerts(of: asked, on: today())
      let start = try request.headers[Self.lastEventID].map(StreamPosition.init(lastEventID:)) ?? StreamPosition(nil)
      let readable: @Sendable (String) -> Bool = { org in
        asked.map { $0 == org } ?? principal.mayRead(org)
      }
      let service = self
      return Response(
        status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
        body: ResponseBody { writer in
          try await service.streamAlerts(from: start, to: &writer, readable: readable)
          try await writer.finish(nil)
        })
    }
  }

  /// Sends pass after pass until the client goes away or the server shuts down (a graceful
  /// shutdown ends the stream within one wait).
  private func streamAlerts(
    from start: StreamPosition, to writer: inout any ResponseBodyWriter, readable: (String) -> Bool
  ) async throws {
    let log = try await openLogForWriting()
    let projector = Projector(log: log, catalogs: catalogs)
    var position = start
    var seen: (head: Int64, day: CivilDate)? = nil
    var lastWrite = ContinuousClock.now
    while !Task.isCancelled, !Task.isShuttingDownGracefully {
      let (head, day) = await (try log.headPosition(), today())
      if ContinuousClock.now - lastWrite > Self.streamKeepAlive {
        // A comment line: clients ignore it, and a client that has gone away makes it fail.
        try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
        lastWrite = .now
      }
      if seen.map({ $0 != (head, day) }) ?? true {
        try await projector.catchUp(through: day)
        let (due, next) = try await log.alertsDue(after: position.cursor, through: day)
        var text = ""
        for alert in due where readable(alert.org) {
          let document = AlertDocument.json(try Alert(alert))
          text += "id: \(position.text).\(alert.id)\nevent: alert\ndata: "
          text += String(decoding: document.canonicalBytes, as: UTF8.self) + "\n\n"
        }
        position = StreamPosition(next)
        text += "id: \(position.text)\nevent: caught-up\ndata: {\"head\":\(head)}\n\n"
        try await writer.write(ByteBuffer(string: text))
        (seen, lastWrite) = ((head, day), .now)
      }
      // A database that signals appends (PostgreSQL's NOTIFY) wakes the stream at once; a
      // file is polled. Either way the wait is short enough to notice a graceful shutdown.
      try await log.waitForChange(
        after: head, timeout: log is any AppendWaiting ? Self.streamListenSlice : Self.streamPollInterval)
    }
  }

  /// The header a reconnecting SSE client sends.
  static let lastEventID = HTTPField.Name("Last-Event-ID")!

  /// How long a live stream stays silent before it sends a keep-alive comment.
  static let streamKeepAlive = Duration.seconds(15)

  /// How often a live stream looks at the head of a log that does not signal appends.
  static let streamPollInterval = Duration.milliseconds(250)

  /// How long a live stream waits for a signalled append before it looks at the day and at a
  /// graceful shutdown again.
  static let streamListenSlice = Duration.seconds(1)
}
