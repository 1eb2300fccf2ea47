import Foundation
import LedgerCatalog
import LedgerCore

/// The NDJSON inputs of `ledger append`, read in two streaming passes so memory stays
/// constant however long they are, and still all or nothing: the first pass checks every
/// line and reports every problem before anything is opened for writing; the second reads
/// the lines again, a chunk at a time, for the one transaction. Standard input is copied to
/// a temporary file on the first pass, so it can be read twice.
struct AppendInput {
  /// The problems of the first pass, in input order.
  private(set) var problems = ProblemList()
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
      var found = problems
      var count = 0
      let linesBefore = linesChecked
      var lines = 0
      try await forEachLine(of: inputs[index]) { line, source in
        defer {
          lines += 1
          progress(linesBefore + lines)
        }
        switch Self.event(line, source: source, catalogs: catalogs) {
        case .success: count += 1
        case .failure(let problem): found.add(problem)
        }
      }
      linesChecked += lines
      eventCount += count
      problems = found
    }
  }

  /// The event of one line, or its problem: it does not parse, or names what the catalog
  /// does not know.
  private static func event(
    _ line: ArraySlice<UInt8>, source: SourceLine, catalogs: CatalogHistory
  ) -> Result<ProposedEvent, InputProblem> {
    do throws(EventValidationError) {
      let event = try EventInput.proposedEvent(fromLine: line)
      if let reason = catalogs.problem(with: event.event) {
        return .failure(InputProblem(source: source, reason: reason))
      }
      return .success(event)
    } catch {
      return .failure(InputProblem(source: source, reason: error.reason))
    }
  }

  /// The second pass: the events again, `chunkSize` at a time, with their lines, each
  /// checked again, so a file changed since the first pass is refused rather than read as
  /// something it was not.
  /// - Throws: ``CommandFailure`` (exit 65) naming a line that no longer passes.
  func forEachChunk(
    against catalogs: CatalogHistory, _ body: (_ events: [ProposedEvent], _ sources: [SourceLine]) async throws -> Void
  ) async throws {
    var events: [ProposedEvent] = []
    var sources: [SourceLine] = []
    events.reserveCapacity(Self.chunkSize)
    for input in inputs {
      try await forEachLine(of: input) { line, source in
        let event: ProposedEvent
        switch Self.event(line, source: source, catalogs: catalogs) {
        case .success(let checked): event = checked
        case .failure(let problem):
          throw CommandFailure(status: .dataError, lines: ["\(problem) (the input changed while it was read)"])
        }
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
