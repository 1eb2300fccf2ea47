import Glibc
public import LedgerCore

/// The `envelope` column of a stored event (schema 8 on): every field of the record that no
/// index or query of the store reads, packed into one blob, so a read steps seven columns
/// instead of sixteen.
///
/// The layout, integers little-endian:
///
/// | offset | bytes | field |
/// | --- | --- | --- |
/// | 0 | 1 | format, 1 |
/// | 1 | 1 | flags: 1 actor, 2 actor role, 4 reason, 8 writer, 16 unchecked |
/// | 2 | 32 | the chain hash |
/// | 34 | 8 | the recorded instant, µs since the epoch |
/// | 42 | 4 | the effective date: year (2 bytes), month, day |
/// | 46 | … | the schema version (LEB128), then the type name, and the actor id, actor role, reason and writer when flagged, each as a LEB128 length and its UTF-8 bytes |
///
/// Nothing here is hashed: the chain covers the record's canonical bytes, which are the same
/// whatever the layout (``EventRecord/canonicalBytes``).
enum StoredEnvelope {
  /// The fields an envelope holds.
  struct Fields {
    var typeName: String
    var schemaVersion: Int
    var effective: CivilDate
    var recorded: RecordedInstant
    var actor: Actor?
    var reason: String?
    var writer: String?
    var unchecked: Bool
    var hash: PackedHash
  }

  /// Why an envelope cannot be read: the store was changed outside the ledger.
  struct Malformed: Error {
    let reason: String
  }

  private static let format: UInt8 = 1
  private static let hashOffset = 2
  private static let recordedOffset = 34
  private static let effectiveOffset = 42
  private static let variableOffset = 46

  private enum Flag {
    static let actor: UInt8 = 1
    static let role: UInt8 = 2
    static let reason: UInt8 = 4
    static let writer: UInt8 = 8
    static let unchecked: UInt8 = 16
  }

  /// Replaces `out` with the envelope of `record`.
  /// - Throws: ``Malformed`` for a record the layout cannot hold, which only a row changed
  ///   outside the ledger can give (a sealed record always fits).
  static func write(_ record: EventRecord, into out: inout [UInt8]) throws(Malformed) {
    try write(
      Fields(
        typeName: record.typeName, schemaVersion: record.schemaVersion, effective: record.effective,
        recorded: record.recorded, actor: record.actor, reason: record.reason, writer: record.writer,
        unchecked: record.unchecked, hash: record.packedHash),
      into: &out)
  }

  /// Replaces `out` with the envelope holding `fields`.
  /// - Throws: ``Malformed`` for a hash of another length than 32 bytes or a negative schema
  ///   version.
  static func write(_ fields: Fields, into out: inout [UInt8]) throws(Malformed) {
    guard fields.hash.count == 32 else {
      throw Malformed(reason: "the chain hash has \(fields.hash.count) bytes, not 32")
    }
    guard fields.schemaVersion >= 0 else { throw Malformed(reason: "the schema version is negative") }
    out.removeAll(keepingCapacity: true)
    var flags: UInt8 = fields.unchecked ? Flag.unchecked : 0
    if fields.actor != nil { flags |= Flag.actor }
    if fields.actor?.role != nil { flags |= Flag.role }
    if fields.reason != nil { flags |= Flag.reason }
    if fields.writer != nil { flags |= Flag.writer }
    out.append(format)
    out.append(flags)
    fields.hash.withUnsafeBytes { out.append(contentsOf: $0) }
    withUnsafeBytes(of: UInt64(bitPattern: fields.recorded.microseconds).littleEndian) { out.append(contentsOf: $0) }
    withUnsafeBytes(of: UInt16(fields.effective.year).littleEndian) { out.append(contentsOf: $0) }
    out.append(UInt8(fields.effective.month))
    out.append(UInt8(fields.effective.day))
    appendNumber(UInt64(fields.schemaVersion), to: &out)
    appendText(fields.typeName, to: &out)
    if let actor = fields.actor {
      appendText(actor.id, to: &out)
      if let role = actor.role { appendText(role, to: &out) }
    }
    if let reason = fields.reason { appendText(reason, to: &out) }
    if let writer = fields.writer { appendText(writer, to: &out) }
  }

  /// Reads every field of an envelope; type names are the vocabulary's own strings.
  static func read(_ bytes: UnsafeBufferPointer<UInt8>) throws(Malformed) -> Fields {
    guard bytes.count >= variableOffset, bytes[0] == format else {
      throw Malformed(reason: "the stored envelope is not of format \(format) (\(bytes.count) bytes)")
    }
    let flags = bytes[1]
    let year = Int(bytes[effectiveOffset]) | Int(bytes[effectiveOffset + 1]) << 8
    guard
      let effective = CivilDate(
        year: year, month: Int(bytes[effectiveOffset + 2]), day: Int(bytes[effectiveOffset + 3]))
    else { throw Malformed(reason: "the stored effective date is not a date") }
    var reader = Reader(bytes: bytes, offset: variableOffset)
    let schemaVersion = try reader.number()
    let typeName = try reader.typeName()
    var actor: Actor?
    if flags & Flag.actor != 0 {
      let id = try reader.text()
      actor = Actor(id: id, role: flags & Flag.role != 0 ? try reader.text() : nil)
    }
    let reason = flags & Flag.reason != 0 ? try reader.text() : nil
    let writer = flags & Flag.writer != 0 ? try reader.text() : nil
    guard reader.offset == bytes.count else { throw Malformed(reason: "the stored envelope has bytes past its fields") }
    return Fields(
      typeName: typeName, schemaVersion: Int(schemaVersion), effective: effective,
      recorded: RecordedInstant(microseconds: recorded(in: bytes)), actor: actor, reason: reason, writer: writer,
      unchecked: flags & Flag.unchecked != 0,
      hash: PackedHash(copying: UnsafeBufferPointer(rebasing: bytes[hashOffset..<recordedOffset])))
  }

  /// The recorded instant, at its fixed offset (0 for an envelope too short to hold one).
  static func recorded(in bytes: UnsafeBufferPointer<UInt8>) -> Int64 {
    guard bytes.count >= effectiveOffset else { return 0 }
    var value: UInt64 = 0
    for index in (recordedOffset..<effectiveOffset).reversed() { value = value << 8 | UInt64(bytes[index]) }
    return Int64(bitPattern: value)
  }

  private static func appendNumber(_ value: UInt64, to out: inout [UInt8]) {
    var value = value
    while value >= 0x80 {
      out.append(UInt8(truncatingIfNeeded: value) | 0x80)
      value >>= 7
    }
    out.append(UInt8(value))
  }

  private static func appendText(_ text: String, to out: inout [UInt8]) {
    var text = text
    text.withUTF8 { utf8 in
      appendNumber(UInt64(utf8.count), to: &out)
      out.append(contentsOf: utf8)
    }
  }

  /// Reads the variable part of an envelope, refusing to run past its end.
  private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset: Int

    mutating func number() throws(Malformed) -> UInt64 {
      var value: UInt64 = 0
      var shift: UInt64 = 0
      while offset < bytes.count, shift < 64 {
        let byte = bytes[offset]
        offset += 1
        value |= UInt64(byte & 0x7F) << shift
        if byte < 0x80 { return value }
        shift += 7
      }
      throw Malformed(reason: "the stored envelope ends inside a number")
    }

    mutating func text() throws(Malformed) -> String {
      String(decoding: try textBytes(), as: UTF8.self)
    }

    /// A type name: the vocabulary's own string when it is one (no new `String` per row).
    mutating func typeName() throws(Malformed) -> String {
      let text = try textBytes()
      return VocabularyNames.shared.name(matching: text) ?? String(decoding: text, as: UTF8.self)
    }

    private mutating func textBytes() throws(Malformed) -> UnsafeBufferPointer<UInt8> {
      let count = try number()
      guard count <= UInt64(bytes.count - offset) else {
        throw Malformed(reason: "the stored envelope ends inside a text")
      }
      defer { offset += Int(count) }
      return UnsafeBufferPointer(rebasing: bytes[offset..<(offset + Int(count))])
    }
  }

  /// The vocabulary's type names with their bytes laid end to end, so a stored name is
  /// matched by length and `memcmp` without copying a `String` per candidate.
  private struct VocabularyNames: Sendable {
    static let shared = VocabularyNames(LedgerEvent.typeNames)

    let names: [String]
    let bytes: [UInt8]
    let ends: [Int]

    init(_ names: [String]) {
      self.names = names
      bytes = names.flatMap(\.utf8)
      var end = 0
      ends = names.map {
        end += $0.utf8.count
        return end
      }
    }

    func name(matching text: UnsafeBufferPointer<UInt8>) -> String? {
      bytes.withUnsafeBufferPointer { all in
        var start = 0
        for index in ends.indices {
          let end = ends[index]
          defer { start = end }
          guard end - start == text.count, let base = all.baseAddress, let other = text.baseAddress else { continue }
          if memcmp(base + start, other, text.count) == 0 { return names[index] }
        }
        return nil
      }
    }
  }
}

extension SQLiteStatement {
  /// The fields of the envelope in column `index` of the row at `position`.
  /// - Throws: ``StoredDataError`` naming the position when the envelope cannot be read.
  func envelope(_ index: Int32, position: Int64) throws(StoredDataError) -> StoredEnvelope.Fields {
    do {
      return try withBytes(index, StoredEnvelope.read)
    } catch {
      throw StoredDataError(position: position, reason: error.reason)
    }
  }
}
