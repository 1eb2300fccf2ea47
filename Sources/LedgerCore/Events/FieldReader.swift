package import Foundation

/// Reads the fields of one JSON object, refusing missing, ill-typed and unknown fields.
///
/// Each read marks the field as known; ``finish()`` then refuses any field nobody read.
/// Reading input (`checksText`), every string is brought to ``CanonicalText``'s form or
/// refused; reading a stored payload, strings are taken as stored (they were canonical when
/// written, and a rule added later must not make an old event unreadable).
package struct FieldReader {
  private let members: [(key: String, value: JSONValue)]
  /// The members of a stored payload scanned in place, read instead of `members` when set.
  private let stored: StoredMembers?
  /// Which members were read, a bit per index (objects are small: a scan beats hashing, and
  /// bits beat an array allocated per object); members past the 64th are marked in `readBeyond`.
  private var read: UInt64 = 0
  private var readBeyond: [Bool]
  private let checksText: Bool

  /// Wraps the members of a JSON object; `checksText` applies the input rules to strings.
  package init(members: [(key: String, value: JSONValue)], checksText: Bool = true) {
    self.members = members
    self.stored = nil
    self.readBeyond = members.count > 64 ? Array(repeating: false, count: members.count - 64) : []
    self.checksText = checksText
  }

  /// Reads the members of a stored payload scanned in place (strings taken as stored).
  package init(stored: StoredMembers) {
    self.members = []
    self.stored = stored
    self.readBeyond = []
    self.checksText = false
  }

  private var count: Int { stored?.count ?? members.count }

  private mutating func value(_ key: String) -> JSONValue? {
    // Optional chaining reads the scanned members in place (binding them would copy them).
    let found: (index: Int, value: JSONValue)?
    if stored != nil {
      found = stored?.member(key)
    } else {
      found = members.firstIndex { $0.key == key }.map { ($0, members[$0].value) }
    }
    guard let (index, value) = found else { return nil }
    if index < 64 { read |= 1 << index } else { readBeyond[index - 64] = true }
    if case .null = value { return nil }
    return value
  }

  /// An optional identifier or code; present strings must not be empty.
  package mutating func optionalString(_ key: String) throws(EventValidationError) -> String? {
    try optionalString(key, kind: .identifier)
  }

  /// Optional free text (a name, a reason); present text must not be empty.
  package mutating func optionalText(_ key: String) throws(EventValidationError) -> String? {
    try optionalString(key, kind: .text)
  }

  /// Required free text.
  package mutating func text(_ key: String) throws(EventValidationError) -> String {
    guard let text = try optionalText(key) else { throw EventValidationError("missing field \"\(key)\"") }
    return text
  }

  private mutating func optionalString(
    _ key: String, kind: CanonicalText.Kind
  ) throws(EventValidationError) -> String? {
    if let text = storedString(key, { $0.isEmpty ? nil : String(decoding: $0, as: UTF8.self) }) { return text }
    guard let value = value(key) else { return nil }
    guard case .string(let text) = value else {
      throw EventValidationError("field \"\(key)\" must be a string, not \(value.kindName)")
    }
    guard !text.isEmpty else { throw EventValidationError("field \"\(key)\" must not be empty") }
    return checksText ? try CanonicalText.canonical(text, field: key, kind: kind) : text
  }

  /// A required, non-empty string.
  package mutating func string(_ key: String) throws(EventValidationError) -> String {
    guard let text = try optionalString(key) else { throw EventValidationError("missing field \"\(key)\"") }
    return text
  }

  /// An optional civil date `YYYY-MM-DD`.
  package mutating func optionalDate(_ key: String) throws(EventValidationError) -> CivilDate? {
    if let date = storedString(key, Self.date(utf8:)) { return date }
    guard let text = try optionalString(key) else { return nil }
    do {
      return try CivilDate(parsing: text)
    } catch {
      throw EventValidationError("field \"\(key)\": \(error)")
    }
  }

  /// A stored payload's string member made into a value by `make` from its bytes, without a
  /// `JSONValue` or a detour through `String`: the value, or `nil` inside for `null` or an
  /// absent member (the general path would only search for it again); `nil` when the general
  /// path must read the member and word the error (not a string, or bytes `make` refuses).
  private mutating func storedString<Value>(
    _ key: String, _ make: (UnsafeBufferPointer<UInt8>) -> Value?
  ) -> Value?? {
    guard stored != nil else { return nil }
    guard let (index, lookup) = stored?.string(key, make) else { return .some(nil) }
    guard index < 64 else { return nil }
    switch lookup {
    case .text(let value):
      read |= 1 << index
      return .some(value)
    case .null:
      read |= 1 << index
      return .some(nil)
    case .other:
      return nil
    }
  }

  private static func date(utf8 bytes: UnsafeBufferPointer<UInt8>) -> CivilDate? {
    guard case .date(let date) = CivilDate.parse(utf8: bytes) else { return nil }
    return date
  }

  /// A required civil date.
  package mutating func date(_ key: String) throws(EventValidationError) -> CivilDate {
    guard let date = try optionalDate(key) else { throw EventValidationError("missing field \"\(key)\"") }
    return date
  }

  /// A required month `YYYY-MM`.
  package mutating func month(_ key: String) throws(EventValidationError) -> YearMonth {
    let text = try string(key)
    do {
      return try YearMonth(parsing: text)
    } catch {
      throw EventValidationError("field \"\(key)\": \(error)")
    }
  }

  /// A required number, kept exactly.
  package mutating func decimal(_ key: String) throws(EventValidationError) -> Decimal {
    guard let value = value(key) else { throw EventValidationError("missing field \"\(key)\"") }
    guard case .number(let number) = value else {
      throw EventValidationError("field \"\(key)\" must be a number, not \(value.kindName)")
    }
    return number
  }

  /// An optional whole number.
  package mutating func optionalInteger(_ key: String) throws(EventValidationError) -> Int? {
    guard let value = value(key) else { return nil }
    guard case .number(let number) = value, let whole = Int(exactly: number) else {
      throw EventValidationError("field \"\(key)\" must be a whole number")
    }
    return whole
  }

  /// A required value from a closed set of words, such as a level.
  package mutating func choice<T: RawRepresentable & CaseIterable>(
    _ key: String, as type: T.Type, default fallback: T? = nil
  ) throws(EventValidationError) -> T where T.RawValue == String {
    guard let text = try optionalString(key) else {
      if let fallback { return fallback }
      throw EventValidationError("missing field \"\(key)\"")
    }
    guard let chosen = T(rawValue: text) else {
      let allowed = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
      throw EventValidationError("unknown \(key) \"\(text)\" (expected one of \(allowed))")
    }
    return chosen
  }

  /// A raw member, for fields with a structure of their own.
  package mutating func raw(_ key: String) -> JSONValue? {
    value(key)
  }

  /// Refuses any member that no read asked for.
  package func finish() throws(EventValidationError) {
    let unread = (~read).trailingZeroBitCount
    if let unknown = unread < count ? unread : readBeyond.firstIndex(of: false).map({ $0 + 64 }) {
      throw EventValidationError("unknown field \"\(stored?.key(at: unknown) ?? members[unknown].key)\"")
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
