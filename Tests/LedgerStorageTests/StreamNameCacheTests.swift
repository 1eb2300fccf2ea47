import LedgerCore
import Testing

@testable import LedgerStorage

/// Stream names by number: an array for the dense first numbers, a bounded map beyond.
struct StreamNameCacheTests {
  @Test func namesAreFoundByNumberInBothRanges() {
    var cache = StreamNameCache()
    let far = StreamNameCache.denseLimit + 7
    cache.insert(.individual("ind-1"), number: 1)
    cache.insert(.organization("contoso"), number: 40)
    cache.insert(.individual("ind-far"), number: far)
    #expect(cache[1] == .individual("ind-1"))
    #expect(cache[40] == .organization("contoso"))
    #expect(cache[far] == .individual("ind-far"))
    #expect(cache[2] == nil && cache[41] == nil && cache[far + 1] == nil)
    cache.removeAll()
    #expect(cache[1] == nil && cache[far] == nil)
  }

  @Test func theMapBeyondTheDenseRangeStartsAfreshWhenFull() {
    var cache = StreamNameCache()
    let first = StreamNameCache.denseLimit
    for offset in 0..<Int64(StreamNameCache.sparseLimit) {
      cache.insert(.individual("ind-\(offset)"), number: first + offset)
    }
    #expect(cache[first] == .individual("ind-0"))
    cache.insert(.individual("one more"), number: first + Int64(StreamNameCache.sparseLimit))
    #expect(cache[first] == nil)
    #expect(cache[first + Int64(StreamNameCache.sparseLimit)] == .individual("one more"))
  }
}
