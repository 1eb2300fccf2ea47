import Foundation
import LedgerCatalog
import LedgerCore

/// The NDJSON inputs of `ledger append`, read in two streaming passes so memory stays
/// constant however long they are, and still all or nothing: the first pass checks every
/// line and reports every problem before anything is opened for writing; the second reads
/// the lines again, a chunk at a time, for the one transaction. Standard input is copied to
/// a temporary file on the first pass, so it can be read twice.
struct AppendInput {
  /// The problems of the first pass, in input order (at most ``keptProblems``).
  private(set) var problems: [InputProblem] = []
  /// Problems found beyond those kept.
  private(set) var problemsNotKept = 0
  /// How many events the inputs hold.
  private(set) var eventCount = 0
  /// How many non-blank lines the first pass has read.
  private(set) var linesChecked = 0
  /// The files to read, as (path, name shown in problems).
  private var inputs: [(path: String, name: String)]
  /// The copy of standard input, removed by ``removeSpool()``.
  private var spool: StandardInput?

  /// How many events one append of the second pass takes.
  static let chunkSize = 10_000
  /// How many problems are kept to be printed; the rest are counted.
  static let keptProblems = 10_000

  /// The inputs named on the command line (`-`, or none, for standard input).
  init(files: [String]) {
    inputs = files.isEmpty || files == ["-"] ? [("-", "<stdin>")] : files.map { ($0, $0) }
  }

  /// The first pass: parses every line and checks the names it uses against the catalog.
  /// - Throws: ``CommandFailure`` (exit 66) for a file that cannot be read.
  mutating func check(against catalogs: CatalogHistory, progress: (_ lines: Int) -> Void = { _ in }) async throws {
    for index in inputs.indices {
      if inputs[index].path == "-" {
        let copy = try StandardInput.spool()
        spool = copy
        inputs[index].path = copy.path
      }
      var found: [InputProblem] = []
      var (count, beyond) = (0, 0)
      let room = Self.keptProblems - problems.count
      let linesBefore = linesChecked
      var lines = 0
      try await forEachLine(of: inputs[index]) { line, source in
        defer {
          lines += 1
          progress(linesBefore + lines)
        }
        do throws(EventValidationError) {
          let event = try EventInput.proposedEvent(fromLine: line)
          count += 1
          if let reason = catalogs.problem(with: event.event) {
            if found.count < room { found.append(InputProblem(source: source, reason: reason)) } else { beyond += 1 }
          }
        } catch {
          if found.count < room {
            found.append(InputProblem(source: source, reason: error.reason))
          } else {
            beyond += 1
          }
        }
      }
      linesChecked += lines
      eventCount += count
      problems += found
      problemsNotKept += beyond
    }
  }

  /// The lines to print for the problems found.
  var problemLines: [String] {
    problems.map(\.description) + (problemsNotKept > 0 ? ["… and \(problemsNotKept) more problems"] : [])
  }

  /// The second pass: the events again, `chunkSize` at a time, with their lines.
  func forEachChunk(_ body: (_ events: [ProposedEvent], _ sources: [SourceLine]) async throws -> Void) async throws {
    var events: [ProposedEvent] = []
    var sources: [SourceLine] = []
    events.reserveCapacity(Self.chunkSize)
    for input in inputs {
      try await forEachLine(of: input) { line, source in
        // The first pass refused the whole input if any line did not parse.
        guard let event = try? EventInput.proposedEvent(fromLine: line) else { return }
        events.append(event)
        sources.append(source)
        if events.count == Self.chunkSize {
          try await body(events, sources)
          events.removeAll(keepingCapacity: true)
          sources.removeAll(keepingCapacity: true)
        }
      }
    }
    if !events.isEmpty { try await body(events, sources) }
  }

  /// Removes the copy of standard input, if one was made.
  func removeSpool() {
    spool?.remove()
  }

  private func forEachLine(
    of input: (path: String, name: String), _ body: (ArraySlice<UInt8>, SourceLine) async throws -> Void
  ) async throws {
    guard let handle = FileHandle(forReadingAtPath: input.path) else {
      throw CommandFailure(status: .noInput, lines: ["\(input.name): cannot read the file"])
    }
    defer { try? handle.close() }
    var reader = LineReader(handle)
    while let line = try reader.next() {
      guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
      try await body(line, SourceLine(file: input.name, line: reader.lineNumber))
    }
  }
}
