package import Foundation

/// Collects the fields of an event payload into a JSON object; absent optionals are left out.
package struct FieldWriter {
  /// The members written so far.
  package private(set) var members: [(key: String, value: JSONValue)] = []

  /// Creates an empty writer.
  package init() {}

  /// Writes a string.
  package mutating func set(_ key: String, _ value: String?) {
    if let value { members.append((key, .string(value))) }
  }

  /// Writes a civil date as `YYYY-MM-DD`.
  package mutating func set(_ key: String, _ value: CivilDate?) {
    if let value { members.append((key, .string(value.description))) }
  }

  /// Writes a month as `YYYY-MM`.
  package mutating func set(_ key: String, _ value: YearMonth) {
    members.append((key, .string(value.description)))
  }

  /// Writes a number.
  package mutating func set(_ key: String, _ value: Decimal) {
    members.append((key, .number(value)))
  }

  /// Writes a word from a closed set.
  package mutating func set<T: RawRepresentable>(_ key: String, _ value: T?) where T.RawValue == String {
    if let value { members.append((key, .string(value.rawValue))) }
  }

  /// The fields as a JSON object.
  package var object: JSONValue { .object(members) }

  /// The canonical bytes of ``object``, written from the members as they are.
  package var canonicalBytes: [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(192)
    JSONValue.writeCanonical(members: members, into: &output)
    return output
  }
}
