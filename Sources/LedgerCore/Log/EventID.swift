/// Generated event ids: UUID version 7 (time-ordered), so the unique index on event ids
/// grows at its end like the log itself instead of at random places.
///
/// The random bits come from a generator seeded from the system's random numbers once per
/// append (four draws, instead of two per event); they only need to make ids unique, and the
/// unique index refuses a collision rather than losing an event.
package struct EventID {
  private var state: (UInt64, UInt64, UInt64, UInt64)

  /// A generator seeded from the system's random numbers.
  package init() {
    var system = SystemRandomNumberGenerator()
    state = (system.next(), system.next(), system.next(), system.next() | 1)
  }

  /// The next 64 random bits (xoshiro256**).
  private mutating func next() -> UInt64 {
    let result = (state.1 &* 5).rotatedLeft(7) &* 9
    let shifted = state.1 << 17
    state.2 ^= state.0
    state.3 ^= state.1
    state.1 ^= state.2
    state.0 ^= state.3
    state.2 ^= shifted
    state.3 = state.3.rotatedLeft(45)
    return result
  }

  /// A new version-7 UUID for an event recorded at `microseconds`.
  package mutating func generate(microseconds: Int64) -> String {
    let milliseconds = UInt64(max(0, microseconds / 1000)) & 0xFFFF_FFFF_FFFF
    let high = milliseconds << 16 | 0x7000 | next() & 0x0FFF
    let low = next() & 0x3FFF_FFFF_FFFF_FFFF | 0x8000_0000_0000_0000
    return String(unsafeUninitializedCapacity: 36) { buffer in
      var index = 0
      for word in [high, low] {
        for nibble in 0..<16 {
          if index == 8 || index == 13 || index == 18 || index == 23 {
            buffer[index] = UInt8(ascii: "-")
            index += 1
          }
          buffer[index] = HashChain.hexDigit(UInt8(truncatingIfNeeded: word >> UInt64(60 - nibble * 4)) & 0xF)
          index += 1
        }
      }
      return index
    }
  }
}

extension UInt64 {
  fileprivate func rotatedLeft(_ count: UInt64) -> UInt64 {
    self << count | self >> (64 - count)
  }
}
