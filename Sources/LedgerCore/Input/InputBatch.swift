public import Foundation

/// The events of one or more NDJSON inputs, each with the line it came from, read whole
/// before anything is written.
public struct InputBatch: Sendable {
  /// The events, in input order.
  public private(set) var events: [ProposedEvent] = []
  /// The line of each event, by index.
  public private(set) var sources: [SourceLine] = []
  /// Every problem found, one per bad line.
  public private(set) var problems: [InputProblem] = []
  /// The order in which files were read, so problems are reported in input order.
  private var fileOrder: [String: Int] = [:]

  /// Creates an empty batch.
  public init() {}

  /// Reads every non-blank line of `data`, recording events and problems; a UTF-8 byte-order
  /// mark at the start of the file is skipped (one anywhere else is malformed JSON).
  public mutating func read(_ data: Data, file: String) {
    if fileOrder[file] == nil { fileOrder[file] = fileOrder.count }
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      let bytes = raw.bindMemory(to: UInt8.self)
      var lineNumber = 0
      var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
      while start < bytes.count {
        lineNumber += 1
        var end = start
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        var last = end
        if last > start, bytes[last - 1] == 0x0D { last -= 1 }
        let line = UnsafeBufferPointer(rebasing: bytes[start..<last])
        if line.contains(where: { $0 != 0x20 && $0 != 0x09 }) {
          let source = SourceLine(file: file, line: lineNumber)
          do throws(EventValidationError) {
            events.append(try EventInput.proposedEvent(fromLine: line))
            sources.append(source)
          } catch {
            problems.append(InputProblem(source: source, reason: error.reason))
          }
        }
        start = end + 1
      }
    }
  }

  /// Records a problem for each event that `check` refuses (a catalog's view of the names it uses).
  public mutating func check(_ check: (LedgerEvent) -> String?) {
    for (event, source) in zip(events, sources) {
      if let reason = check(event.event) { problems.append(InputProblem(source: source, reason: reason)) }
    }
    problems.sort {
      (fileOrder[$0.source.file] ?? 0, $0.source.line) < (fileOrder[$1.source.file] ?? 0, $1.source.line)
    }
  }

  /// Adds an event read from `source` by another reader (a CSV import).
  public mutating func add(_ event: ProposedEvent, source: SourceLine) {
    if fileOrder[source.file] == nil { fileOrder[source.file] = fileOrder.count }
    events.append(event)
    sources.append(source)
  }

  /// Adds a problem that is not tied to a parsed event (an unreadable file).
  public mutating func report(_ problem: InputProblem) {
    problems.append(problem)
  }

  /// Turns append problems (by event index) into problems naming their lines.
  public func problems(for rejection: AppendRejection) -> [InputProblem] {
    rejection.problems.map { InputProblem(source: sources[$0.index], reason: $0.reason) }
  }
}
