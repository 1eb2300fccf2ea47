package import Foundation

/// Reads the fields of one JSON object, refusing missing, ill-typed and unknown fields.
///
/// Each read marks the field as known; ``finish()`` then refuses any field nobody read.
/// Reading input (`checksText`), every string is brought to ``CanonicalText``'s form or
/// refused; reading a stored payload, strings are taken as stored (they were canonical when
/// written, and a rule added later must not make an old event unreadable). A stored payload
/// in canonical form is read by ``CanonicalFieldCursor`` instead; this reader takes the rest.
package struct FieldReader: FieldReading {
  private let members: [(key: String, value: JSONValue)]
  /// Which members were read, a bit per index (objects are small: a scan beats hashing, and
  /// bits beat an array allocated per object); members past the 64th are marked in `readBeyond`.
  private var read: UInt64 = 0
  private var readBeyond: [Bool]
  private let checksText: Bool

  /// Wraps the members of a JSON object; `checksText` applies the input rules to strings.
  package init(members: [(key: String, value: JSONValue)], checksText: Bool = true) {
    self.members = members
    self.readBeyond = members.count > 64 ? Array(repeating: false, count: members.count - 64) : []
    self.checksText = checksText
  }

  private mutating func value(_ key: StaticString) -> JSONValue? {
    let name = key.description
    guard let index = members.firstIndex(where: { $0.key == name }) else { return nil }
    if index < 64 { read |= 1 << index } else { readBeyond[index - 64] = true }
    if case .null = members[index].value { return nil }
    return members[index].value
  }

  package mutating func optionalString(_ key: StaticString) throws(EventValidationError) -> String? {
    try optionalString(key, kind: .identifier)
  }

  package mutating func optionalText(_ key: StaticString) throws(EventValidationError) -> String? {
    try optionalString(key, kind: .text)
  }

  private mutating func optionalString(
    _ key: StaticString, kind: CanonicalText.Kind
  ) throws(EventValidationError) -> String? {
    guard let value = value(key) else { return nil }
    guard case .string(let text) = value else {
      throw EventValidationError("field \"\(key)\" must be a string, not \(value.kindName)")
    }
    guard !text.isEmpty else { throw EventValidationError("field \"\(key)\" must not be empty") }
    return checksText ? try CanonicalText.canonical(text, field: key.description, kind: kind) : text
  }

  package mutating func optionalDate(_ key: StaticString) throws(EventValidationError) -> CivilDate? {
    guard let text = try optionalString(key) else { return nil }
    do {
      return try CivilDate(parsing: text)
    } catch {
      throw EventValidationError("field \"\(key)\": \(error)")
    }
  }

  /// A required number, kept exactly.
  package mutating func decimal(_ key: StaticString) throws(EventValidationError) -> Decimal {
    guard let value = value(key) else { throw EventValidationError("missing field \"\(key)\"") }
    guard case .number(let number) = value else {
      throw EventValidationError("field \"\(key)\" must be a number, not \(value.kindName)")
    }
    return number
  }

  /// An optional whole number.
  package mutating func optionalInteger(_ key: StaticString) throws(EventValidationError) -> Int? {
    guard let value = value(key) else { return nil }
    guard case .number(let number) = value, let whole = Int(exactly: number) else {
      throw EventValidationError("field \"\(key)\" must be a whole number")
    }
    return whole
  }

  /// A raw member, for fields with a structure of their own.
  package mutating func raw(_ key: StaticString) -> JSONValue? {
    value(key)
  }

  /// Refuses any member that no read asked for.
  package func finish() throws(EventValidationError) {
    let unread = (~read).trailingZeroBitCount
    if let unknown = unread < members.count ? unread : readBeyond.firstIndex(of: false).map({ $0 + 64 }) {
      throw EventValidationError("unknown field \"\(members[unknown].key)\"")
    }
  }
}

extension Int {
  fileprivate init?(exactly number: Decimal) {
    guard number == number.rounded(), abs(number) < 1e15 else { return nil }
    self = NSDecimalNumber(decimal: number).intValue
  }
}

extension Decimal {
  fileprivate func rounded() -> Decimal {
    var source = self
    var result = Decimal()
    NSDecimalRound(&result, &source, 0, .plain)
    return result
  }
}
