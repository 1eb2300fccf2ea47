import LedgerCore

/// Writes a ``StatusTimeline`` in its compact form: variable-length integers, days as their
/// numbers, and every string once, in a table the rest refers to by index.
///
/// A string of the table that differs from a recent one in one stretch (the words of a
/// requirement whose window moved a month) is written as that stretch and what it shares with
/// the earlier one: the timeline repeats such words for every month it covers.
struct StatusBytesWriter {
  private(set) var body: [UInt8] = []
  private var strings: [String: Int] = [:]
  private var table: [[UInt8]] = []

  /// How far back in the table a string looks for one it shares most of its bytes with.
  static let lookBack = 64

  /// The table of strings, then the body.
  var bytes: [UInt8] {
    var head = StatusBytesWriter()
    head.integer(table.count)
    for (index, string) in table.enumerated() {
      head.tableEntry(string, at: index, in: table)
    }
    return head.body + body
  }

  /// An entry of the table: 0 and its bytes, or how far back its base is, the lengths of the
  /// prefix and suffix it shares with it, and the bytes between.
  private mutating func tableEntry(_ string: [UInt8], at index: Int, in table: [[UInt8]]) {
    var best: (back: Int, prefix: Int, suffix: Int)?
    for back in 1...Self.lookBack where back <= index {
      let base = table[index - back]
      let limit = min(base.count, string.count)
      var prefix = 0
      while prefix < limit, base[prefix] == string[prefix] { prefix += 1 }
      var suffix = 0
      while suffix < limit - prefix, base[base.count - 1 - suffix] == string[string.count - 1 - suffix] { suffix += 1 }
      if prefix + suffix > (best.map { $0.prefix + $0.suffix } ?? 8) { best = (back, prefix, suffix) }
    }
    guard let best else {
      integer(0)
      integer(string.count)
      body.append(contentsOf: string)
      return
    }
    integer(best.back)
    integer(best.prefix)
    integer(best.suffix)
    integer(string.count - best.prefix - best.suffix)
    body.append(contentsOf: string[best.prefix..<string.count - best.suffix])
  }

  mutating func integer(_ value: Int) {
    // Zigzag, then seven bits a byte, low first.
    var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
    while rest >= 0x80 {
      body.append(UInt8(rest & 0x7F) | 0x80)
      rest >>= 7
    }
    body.append(UInt8(rest))
  }

  mutating func flag(_ value: Bool) { body.append(value ? 1 : 0) }

  mutating func day(_ value: CivilDate) { integer(value.dayNumber) }

  mutating func day(_ value: CivilDate?) {
    flag(value != nil)
    if let value { day(value) }
  }

  mutating func string(_ value: String) {
    if let index = strings[value] {
      integer(index)
    } else {
      strings[value] = table.count
      integer(table.count)
      table.append(Array(value.utf8))
    }
  }

  mutating func string(_ value: String?) {
    flag(value != nil)
    if let value { string(value) }
  }

  mutating func strings(_ values: [String]) {
    integer(values.count)
    for value in values { string(value) }
  }

  mutating func level(_ value: Level?) {
    integer(value.map { $0 == .silver ? 1 : 2 } ?? 0)
  }
}
