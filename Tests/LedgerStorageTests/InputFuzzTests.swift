import Foundation
import LedgerCore
import LedgerStorage
import LedgerTestSupport
import Testing

/// Mutated input lines, read and appended through the real parser and store: none crashes or
/// hangs, each append is all or nothing, and no accepted line ever makes `verify` fail.
struct InputFuzzTests {
  /// Byte sequences that have broken stores before: NUL, controls, a BOM, decomposed and
  /// composed accents, a lone surrogate escape, separators, huge text.
  static let splices: [[UInt8]] = [
    Array(#"\u0000"#.utf8), [0x00], Array(#"\u001b[31m"#.utf8), [0xEF, 0xBB, 0xBF], Array("e\u{0301}".utf8),
    Array("\u{E9}".utf8), Array(#"\ud800"#.utf8), Array(#"\ud83d\ude00"#.utf8), Array("\u{2028}".utf8),
    Array("\u{202E}".utf8), [0xFF], [0xC3], Array(#"\""#.utf8), Array(#"\\"#.utf8), Array(#"\n"#.utf8),
    Array(#"\r"#.utf8), [0x0D], Array(String(repeating: "x", count: 5_000).utf8), Array("  ".utf8), Array("/".utf8),
  ]

  static func mutate(_ line: [UInt8], with random: inout SplitMix64) -> [UInt8] {
    var bytes = line
    for _ in 0...Int.random(in: 0...2, using: &random) {
      let at = Int.random(in: 0...bytes.count, using: &random)
      switch Int.random(in: 0..<4, using: &random) {
      case 0: bytes.insert(contentsOf: splices.randomElement(using: &random)!, at: at)
      case 1 where at < bytes.count: bytes[at] = UInt8.random(in: 0...255, using: &random)
      case 2 where at < bytes.count: bytes.remove(at: at)
      default:
        // Into a string value: just after the first quote past `at`.
        if let quote = bytes[at...].firstIndex(of: UInt8(ascii: "\"")) {
          bytes.insert(contentsOf: splices.randomElement(using: &random)!, at: quote + 1)
        }
      }
    }
    return bytes
  }

  @Test func twoThousandMutationsNeverBreakVerifyOrLeaveAPartialAppend() async throws {
    let ledger = TemporaryLedger()
    let log = try ledger.open()
    let samples = Samples.ndjson(Samples.oneOfEachType()).split(separator: "\n").map { Array($0.utf8) }
    var random = SplitMix64(seed: 2_000)
    var (tried, refused, accepted, appended) = (0, 0, 0, Int64(0))
    for index in 0..<2_000 {
      tried += 1
      var batch = InputBatch()
      var line = Self.mutate(samples[index % samples.count], with: &random)
      // Distinct ids, so accepted lines are new events rather than idempotent repeats.
      if let range = line.firstRange(of: Array(#""id":"sample-"#.utf8)) {
        line.insert(contentsOf: Array("f\(index)-".utf8), at: range.upperBound)
      }
      batch.read(Data(line), file: "fuzz")
      guard batch.problems.isEmpty, let event = batch.events.first else {
        refused += 1
        continue
      }
      accepted += 1
      let before = try log.headPosition()
      do {
        appended += Int64(try log.append([event]).appended.count)
      } catch is AppendRejection {
        refused += 1
      }
      let after = try log.headPosition()
      #expect(after == before || after == before + 1, "line \(index): a partial append")
    }
    #expect(try log.headPosition() == appended)
    let verification = try await log.verify()
    #expect(
      verification.firstMismatch == nil, "verify after fuzzing: \(String(describing: verification.firstMismatch))")
    // Reading every stored event back decodes it.
    var decoded: Int64 = 0
    try await log.forEachEvent(from: 1, knownAt: .max) { _ in decoded += 1 }
    #expect(decoded > 0 && decoded <= appended)
    print("fuzz: \(tried) tried, \(refused) refused, \(accepted) accepted, \(appended) appended, verify ok")
  }
}
