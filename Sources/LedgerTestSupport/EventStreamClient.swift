import Foundation

/// A real SSE client for the tests: `curl --no-buffer` reading a stream into a file, and the
/// events parsed from what arrived so far.
public final class EventStreamClient {
  /// One server-sent event.
  public struct Event: Equatable, Sendable {
    /// The event's id.
    public let id: String
    /// Its `event:` type.
    public let type: String
    /// Its data.
    public let data: String
  }

  private let process = Process()
  private let output: String

  /// Connects to `url` with `token`, and `Last-Event-ID` when given.
  public init(_ url: String, token: String, lastEventID: String? = nil, in directory: TemporaryDirectory) throws {
    output = directory.file("stream-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: output, contents: nil)
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      ["curl", "--silent", "--no-buffer", "-H", "Authorization: Bearer \(token)"]
      + (lastEventID.map { ["-H", "Last-Event-ID: \($0)"] } ?? []) + [url]
    process.standardOutput = FileHandle(forWritingAtPath: output)
    try process.run()
  }

  deinit {
    // SIGKILL: curl, started by Foundation's Process, does not always end on SIGTERM.
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  /// The complete events received so far.
  public var events: [Event] {
    let text = String(decoding: FileManager.default.contents(atPath: output) ?? Data(), as: UTF8.self)
    var blocks = text.components(separatedBy: "\n\n")
    blocks.removeLast()  // what follows the last blank line is not complete yet
    return blocks.compactMap { block in
      var fields: [String: String] = [:]
      for line in block.split(separator: "\n") {
        guard let colon = line.firstIndex(of: ":") else { continue }
        fields[String(line[..<colon])] = String(line[line.index(after: colon)...].drop { $0 == " " })
      }
      guard let id = fields["id"], let type = fields["event"] else { return nil }
      return Event(id: id, type: type, data: fields["data"] ?? "")
    }
  }

  /// Waits until `count` passes have been sent (as many `caught-up` events), and returns the
  /// events up to the last of them; `nil` if they never come.
  public func events(throughPass count: Int) async throws -> [Event]? {
    for _ in 0..<400 {
      let events = self.events
      let passes = events.indices.filter { events[$0].type == "caught-up" }
      if passes.count >= count { return Array(events[...passes[count - 1]]) }
      try await Task.sleep(for: .milliseconds(50))
    }
    return nil
  }
}
