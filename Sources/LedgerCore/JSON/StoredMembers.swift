import Foundation

/// The members of a stored payload, found by one scan of its canonical bytes without building
/// a JSON tree, for the common shape: a flat object whose values are plain strings (ASCII, no
/// escapes), numbers, `true`, `false` or `null`, with keys in strictly ascending byte order.
///
/// Any other payload (a nested value, an escape, a key out of order, a number the parser
/// refuses, more than ``capacity`` members) is not scanned: its reader parses it with
/// ``JSONParser``, so every payload the scan refuses still decodes, or fails, exactly as before.
package struct StoredMembers {
  /// The most members one scan holds.
  private static let capacity = 24

  /// Where one member's key and value lie in the payload; strings without their quotes.
  private struct Member {
    var keyStart: UInt16 = 0
    var keyEnd: UInt16 = 0
    var valueStart: UInt16 = 0
    var valueEnd: UInt16 = 0
    var kind = Kind.null
  }

  private enum Kind: UInt8 {
    case string, number, yes, no, null
  }

  private let bytes: UnsafeBufferPointer<UInt8>
  /// Room for ``capacity`` members on the caller's stack (so the reader stays small to copy).
  private let members: UnsafeMutableBufferPointer<Member>
  /// The value of each number member, at its index, read by the parser's own rules when the
  /// payload was scanned; only those slots are initialized (most payloads hold no number, and
  /// a `Decimal` per member would be made and copied for nothing).
  private let numbers: UnsafeMutableBufferPointer<Decimal>
  /// The number of members.
  package private(set) var count = 0

  /// Calls `body` with the members of `bytes`, or `nil` when they do not have the shape the
  /// scan handles; the members are valid only during the call.
  package static func scanning<Result>(
    _ bytes: UnsafeBufferPointer<UInt8>, _ body: (StoredMembers?) -> Result
  )
    -> Result
  {
    withUnsafeTemporaryAllocation(of: Member.self, capacity: capacity) { room in
      withUnsafeTemporaryAllocation(of: Decimal.self, capacity: capacity) { numbers in
        body(StoredMembers(scanning: bytes, into: room, numbers: numbers))
      }
    }
  }

  private init?(
    scanning bytes: UnsafeBufferPointer<UInt8>, into members: UnsafeMutableBufferPointer<Member>,
    numbers: UnsafeMutableBufferPointer<Decimal>
  ) {
    self.bytes = bytes
    self.members = members
    self.numbers = numbers
    guard bytes.count >= 2, bytes.count <= Int(UInt16.max), bytes[0] == UInt8(ascii: "{"),
      bytes[bytes.count - 1] == UInt8(ascii: "}")
    else { return nil }
    var index = 1
    let end = bytes.count - 1
    if index == end { return }
    while true {
      guard count < Self.capacity, let (keyStart, keyEnd) = plainString(at: &index), index < end,
        bytes[index] == UInt8(ascii: ":")
      else { return nil }
      index += 1
      var member = Member(keyStart: UInt16(keyStart), keyEnd: UInt16(keyEnd))
      guard index < end else { return nil }
      if let (start, stop) = plainString(at: &index) {
        (member.valueStart, member.valueEnd, member.kind) = (UInt16(start), UInt16(stop), .string)
      } else if let kind = literal(at: &index) {
        member.kind = kind
      } else if let number = number(at: &index) {
        member.kind = .number
        // A trivial type: the slot is written without destroying what was never there.
        numbers.initializeElement(at: count, to: number)
      } else {
        return nil
      }
      if count > 0, !precedes(members[count - 1], member) { return nil }
      members.initializeElement(at: count, to: member)
      count += 1
      if index == end { return }
      guard bytes[index] == UInt8(ascii: ",") else { return nil }
      index += 1
    }
  }

  /// The index and value of the member named `key`.
  package func member(_ key: String) -> (index: Int, value: JSONValue)? {
    index(of: key).map { ($0, value(at: $0)) }
  }

  /// The index and the value `read` makes of the bytes of the member named `key` when its value
  /// is a string (``Lookup/other`` when `read` refuses them) or `null`; `nil` when there is no
  /// such member, and the index with ``Lookup/other`` for any other value. A field read from
  /// the bytes (a date) makes no `String` on the way.
  package func string<Value>(
    _ key: String, _ read: (UnsafeBufferPointer<UInt8>) -> Value?
  ) -> (index: Int, text: Lookup<Value>)? {
    guard let index = index(of: key) else { return nil }
    let member = members[index]
    switch member.kind {
    case .string:
      let value = read(UnsafeBufferPointer(rebasing: bytes[Int(member.valueStart)..<Int(member.valueEnd)]))
      return (index, value.map(Lookup.text) ?? .other)
    case .null: return (index, .null)
    default: return (index, .other)
    }
  }

  /// What ``string(_:_:)`` found.
  package enum Lookup<Value> {
    case text(Value)
    case null
    case other
  }

  private func index(of key: String) -> Int? {
    var key = key
    return key.withUTF8 { name in
      for index in 0..<count {
        let length = Int(members[index].keyEnd - members[index].keyStart)
        guard length == name.count else { continue }
        if length == 0 || memcmp(name.baseAddress!, bytes.baseAddress! + Int(members[index].keyStart), length) == 0 {
          return index
        }
      }
      return nil
    }
  }

  /// The key of the member at `index`.
  package func key(at index: Int) -> String {
    let member = members[index]
    return String(
      decoding: UnsafeBufferPointer(rebasing: bytes[Int(member.keyStart)..<Int(member.keyEnd)]), as: UTF8.self)
  }

  private func value(at index: Int) -> JSONValue {
    let member = members[index]
    return switch member.kind {
    case .string:
      .string(
        String(
          decoding: UnsafeBufferPointer(rebasing: bytes[Int(member.valueStart)..<Int(member.valueEnd)]),
          as: UTF8.self))
    case .number: .number(numbers[index])
    case .yes: .bool(true)
    case .no: .bool(false)
    case .null: .null
    }
  }

  /// A string at `index` of printable ASCII without escapes: its bounds without the quotes,
  /// with `index` moved past it.
  private func plainString(at index: inout Int) -> (Int, Int)? {
    guard bytes[index] == UInt8(ascii: "\"") else { return nil }
    let start = index + 1
    var cursor = start
    while cursor < bytes.count {
      let byte = bytes[cursor]
      if byte == UInt8(ascii: "\"") {
        index = cursor + 1
        return (start, cursor)
      }
      guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { return nil }
      cursor += 1
    }
    return nil
  }

  /// A number at `index`, as ``JSONParser`` reads it, with `index` moved past it; `nil` for
  /// anything the parser would refuse, so the parser reports it.
  private func number(at index: inout Int) -> Decimal? {
    var end = index
    while end < bytes.count, Self.isNumberByte(bytes[end]) { end += 1 }
    guard end > index,
      case .number(let value)? = try? JSONParser.parse(
        UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[index..<end])))
    else { return nil }
    index = end
    return value
  }

  /// Whether `byte` is one a JSON number is written with.
  private static func isNumberByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
      UInt8(ascii: "e"), UInt8(ascii: "E"):
      true
    default: false
    }
  }

  private func literal(at index: inout Int) -> Kind? {
    let word: StaticString
    let kind: Kind
    switch bytes[index] {
    case UInt8(ascii: "t"): (word, kind) = ("true", .yes)
    case UInt8(ascii: "f"): (word, kind) = ("false", .no)
    case UInt8(ascii: "n"): (word, kind) = ("null", .null)
    default: return nil
    }
    let length = word.utf8CodeUnitCount
    guard index + length <= bytes.count, memcmp(bytes.baseAddress! + index, word.utf8Start, length) == 0 else {
      return nil
    }
    index += length
    return kind
  }

  /// Whether `a`'s key sorts strictly before `b`'s by bytes, as canonical objects order them.
  private func precedes(_ a: Member, _ b: Member) -> Bool {
    JSONValue.bytesPrecede(
      UnsafeBufferPointer(rebasing: bytes[Int(a.keyStart)..<Int(a.keyEnd)]),
      UnsafeBufferPointer(rebasing: bytes[Int(b.keyStart)..<Int(b.keyEnd)]))
  }
}
