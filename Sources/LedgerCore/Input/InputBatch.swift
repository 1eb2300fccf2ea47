public import Foundation

/// The events of NDJSON text held in memory (the demo's bundled history, tests), each with
/// the line it came from. `ledger append` streams its files instead (`LineReader`).
public struct InputBatch: Sendable {
  /// The events, in input order.
  public private(set) var events: [ProposedEvent] = []
  /// The line of each event, by index.
  public private(set) var sources: [SourceLine] = []
  /// Every problem found, one per bad line.
  public private(set) var problems: [InputProblem] = []

  /// Creates an empty batch.
  public init() {}

  /// Reads every non-blank line of `data`, recording events and problems; a UTF-8 byte-order
  /// mark at the start of the file is skipped (one anywhere else is malformed JSON).
  public mutating func read(_ data: Data, file: String) {
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
}
