package import Foundation

/// Where a payload type's `init(reading:)` takes its fields from: a ``FieldReader`` over any
/// JSON object, or a ``CanonicalFieldCursor`` over stored canonical bytes.
///
/// Types ask for their fields in key order (the order canonical bytes hold them), so the
/// cursor can read a stored payload front to back; the reader finds fields in any order.
/// Field names are static strings: the cursor compares their bytes in place.
package protocol FieldReading {
  /// An optional identifier or code; present strings must not be empty.
  mutating func optionalString(_ key: StaticString) throws(EventValidationError) -> String?
  /// Optional free text (a name, a reason); present text must not be empty.
  mutating func optionalText(_ key: StaticString) throws(EventValidationError) -> String?
  /// An optional civil date `YYYY-MM-DD`.
  mutating func optionalDate(_ key: StaticString) throws(EventValidationError) -> CivilDate?
  /// A required number, kept exactly.
  mutating func decimal(_ key: StaticString) throws(EventValidationError) -> Decimal
}

extension FieldReading {
  /// Required free text.
  package mutating func text(_ key: StaticString) throws(EventValidationError) -> String {
    guard let text = try optionalText(key) else { throw EventValidationError("missing field \"\(key)\"") }
    return text
  }

  /// A required, non-empty string.
  package mutating func string(_ key: StaticString) throws(EventValidationError) -> String {
    guard let text = try optionalString(key) else { throw EventValidationError("missing field \"\(key)\"") }
    return text
  }

  /// A required civil date.
  package mutating func date(_ key: StaticString) throws(EventValidationError) -> CivilDate {
    guard let date = try optionalDate(key) else { throw EventValidationError("missing field \"\(key)\"") }
    return date
  }

  /// A required month `YYYY-MM`.
  package mutating func month(_ key: StaticString) throws(EventValidationError) -> YearMonth {
    let text = try string(key)
    do {
      return try YearMonth(parsing: text)
    } catch {
      throw EventValidationError("field \"\(key)\": \(error)")
    }
  }

  /// A required value from a closed set of words, such as a level.
  package mutating func choice<T: RawRepresentable & CaseIterable>(
    _ key: StaticString, as type: T.Type, default fallback: T? = nil
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
}
