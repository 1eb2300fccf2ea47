/// Generated event ids: UUID version 7 (time-ordered), so the unique index on event ids
/// grows at its end like the log itself instead of at random places.
package enum EventID {
  private static let digits = Array("0123456789abcdef".utf8)

  /// A new version-7 UUID for an event recorded at `microseconds`.
  package static func generate(microseconds: Int64) -> String {
    var generator = SystemRandomNumberGenerator()
    let milliseconds = UInt64(max(0, microseconds / 1000)) & 0xFFFF_FFFF_FFFF
    let high = milliseconds << 16 | 0x7000 | (generator.next() as UInt64) & 0x0FFF
    let low = (generator.next() as UInt64) & 0x3FFF_FFFF_FFFF_FFFF | 0x8000_0000_0000_0000
    return String(unsafeUninitializedCapacity: 36) { buffer in
      var index = 0
      for (word, shifts) in [(high, 0..<16), (low, 0..<16)] {
        for nibble in shifts {
          if index == 8 || index == 13 || index == 18 || index == 23 {
            buffer[index] = UInt8(ascii: "-")
            index += 1
          }
          buffer[index] = digits[Int(word >> UInt64(60 - nibble * 4) & 0xF)]
          index += 1
        }
      }
      return index
    }
  }
}
