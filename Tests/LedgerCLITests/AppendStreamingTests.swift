import Foundation
import LedgerCore
import LedgerStorage
import LedgerTestSupport
import Testing

/// `ledger append` reads its input in two streaming passes: memory does not grow with the
/// input, and a batch longer than one chunk is still all or nothing.
struct AppendStreamingTests {
  let directory = TemporaryDirectory()
  var db: String { directory.file("ledger.sqlite") }

  /// More lines than one chunk of the second pass (10,000).
  static let overOneChunk = 10_005

  @Test func aBatchOverSeveralChunksLandsWholeAndLaterLinesSeeEarlierOnes() throws {
    var events = Samples.enrolments(Self.overOneChunk)
    events[2].id = "early"
    var correction = events[2]
    correction.id = "fix"
    correction.corrects = "early"
    correction.reason = "typo"
    events.append(correction)
    let file = directory.write("big.ndjson", Samples.ndjson(events))
    let run = try LedgerProcess.run(["append", "--db", db, file], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == "appended \(events.count) events at positions 1…\(events.count)\n")
    #expect(try SQLiteEventLog(readingAt: db).position(ofEventID: "fix") == Int64(events.count))
  }

  @Test func aRefusalInALaterChunkLeavesNothingOfTheEarlierOnes() throws {
    var events = Samples.enrolments(Self.overOneChunk)
    var dangling = events[0]
    dangling.corrects = "nowhere"
    dangling.reason = "typo"
    events.append(dangling)
    let file = directory.write("big.ndjson", Samples.ndjson(events))
    let run = try LedgerProcess.run(["append", "--db", db, file], in: directory)
    #expect(run.status == 65)
    #expect(run.stderr.contains("big.ndjson:\(events.count): field \"corrects\" names an unknown event id \"nowhere\""))
    #expect(try SQLiteEventLog(path: db, create: false).headPosition() == 0)
  }

  /// 120,000 lines (14 MB) take no more memory than a thousand beyond the bounded caches
  /// (SQLite's 32 MiB page cache, the stream caches): a reader that kept the events would
  /// grow by well over 100 MB more.
  @Test func memoryDoesNotGrowWithTheInput() throws {
    let small = directory.write("small.ndjson", Samples.ndjson(Samples.enrolments(1_000)))
    let large = directory.write("large.ndjson", Samples.ndjson(Samples.enrolments(120_000, prefix: "big")))
    let few = try LedgerProcess.peakMemory(["append", "--db", directory.file("few.sqlite"), small], in: directory)
    let many = try LedgerProcess.peakMemory(["append", "--db", directory.file("many.sqlite"), large], in: directory)
    #expect(few.status == 0 && many.status == 0)
    #expect(
      many.peakKiB - few.peakKiB < 100 * 1024,
      "1,000 lines peaked at \(few.peakKiB) KiB, 120,000 at \(many.peakKiB) KiB")
  }
}
