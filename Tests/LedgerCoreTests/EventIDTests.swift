import LedgerCore
import Testing

/// Generated event ids are version-7 UUIDs: time-ordered by their first 48 bits, the rest
/// random, never repeated.
struct EventIDTests {
  @Test func idsCarryTheirMillisecondAndTheVersionAndVariantBits() {
    var ids = EventID()
    let id = ids.generate(microseconds: 1_614_816_000_123_456)
    let hex = id.filter { $0 != "-" }
    #expect(id.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
    #expect(hex.allSatisfy { "0123456789abcdef".contains($0) })
    #expect(UInt64(hex.prefix(12), radix: 16) == 1_614_816_000_123)
    #expect(Array(hex)[12] == "7")
    #expect("89ab".contains(Array(hex)[16]))
  }

  @Test func manyIdsInOneMillisecondAreAllDifferent() {
    var first = EventID()
    var second = EventID()
    let ids =
      (0..<10_000).map { _ in first.generate(microseconds: 1_000) }
      + (0..<10_000).map { _ in second.generate(microseconds: 1_000) }
    #expect(Set(ids).count == ids.count)
  }

  @Test func laterMillisecondsSortLater() {
    var ids = EventID()
    let earlier = ids.generate(microseconds: 5_000_000)
    let later = ids.generate(microseconds: 5_001_000)
    #expect(earlier < later)
  }
}
