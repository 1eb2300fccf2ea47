/// Generated event ids: UUID version 7 (time-ordered), so the unique index on event ids
/// grows at its end like the log itself instead of at random places.
enum EventID {
  static func generate(microseconds: Int64) -> String {
    var generator = SystemRandomNumberGenerator()
    let milliseconds = UInt64(max(0, microseconds / 1000)) & 0xFFFF_FFFF_FFFF
    let random = generator.next() as UInt64
    let high = milliseconds << 16 | 0x7000 | (random & 0x0FFF)
    let low = (generator.next() as UInt64) & 0x3FFF_FFFF_FFFF_FFFF | 0x8000_0000_0000_0000
    let hex = HashHex.hex(high) + HashHex.hex(low)
    let characters = Array(hex)
    return String(characters[0..<8]) + "-" + String(characters[8..<12]) + "-" + String(characters[12..<16]) + "-"
      + String(characters[16..<20]) + "-" + String(characters[20..<32])
  }
}

private enum HashHex {
  static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
