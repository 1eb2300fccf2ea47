public import LedgerCore
import NIOCore

/// Event rows in `COPY … FROM STDIN`'s text format: tab-separated columns in
/// ``PostgresSchema/eventColumnList``'s order, `\N` for NULL, backslash escapes for the
/// characters the format reserves, and `bytea` as escaped hex (`\\x…`).
enum CopyText {
  /// Appends one record's line.
  static func append(_ record: EventRecord, to buffer: inout ByteBuffer) {
    buffer.writeString(String(record.position))
    buffer.writeInteger(UInt8(ascii: "\t"))
    text(record.id, to: &buffer)
    text(record.stream.description, to: &buffer)
    buffer.writeString(String(record.streamVersion))
    buffer.writeInteger(UInt8(ascii: "\t"))
    text(record.typeName, to: &buffer)
    buffer.writeString(String(record.schemaVersion))
    buffer.writeInteger(UInt8(ascii: "\t"))
    text(record.effective.description, to: &buffer)
    buffer.writeString(String(record.recorded.microseconds))
    buffer.writeInteger(UInt8(ascii: "\t"))
    text(record.actor?.id, to: &buffer)
    text(record.actor?.role, to: &buffer)
    text(record.corrects, to: &buffer)
    text(record.reason, to: &buffer)
    bytes(record.payload, to: &buffer)
    bytes(record.hash, to: &buffer)
    text(record.writer, to: &buffer)
    buffer.writeString(record.unchecked ? "t\n" : "f\n")
  }

  /// A text column and the tab after it: copied whole unless it holds a reserved character.
  private static func text(_ value: String?, to buffer: inout ByteBuffer) {
    guard let value else {
      buffer.writeString("\\N\t")
      return
    }
    let reserved: (UInt8) -> Bool = { $0 == UInt8(ascii: "\\") || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    if !value.utf8.contains(where: reserved) {
      buffer.writeString(value)
    } else {
      var escaped: [UInt8] = []
      escaped.reserveCapacity(value.utf8.count + 8)
      for byte in value.utf8 {
        switch byte {
        case UInt8(ascii: "\\"): escaped += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
        case 0x09: escaped += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
        case 0x0A: escaped += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
        case 0x0D: escaped += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
        default: escaped.append(byte)
        }
      }
      buffer.writeBytes(escaped)
    }
    buffer.writeInteger(UInt8(ascii: "\t"))
  }

  /// A `bytea` column as `\\x` and hex digits, and the tab after it.
  private static func bytes(_ value: [UInt8], to buffer: inout ByteBuffer) {
    var hex = [UInt8](repeating: 0, count: 3 + 2 * value.count + 1)
    hex[0] = UInt8(ascii: "\\")
    hex[1] = UInt8(ascii: "\\")
    hex[2] = UInt8(ascii: "x")
    for (index, byte) in value.enumerated() {
      hex[3 + 2 * index] = hexDigits[Int(byte >> 4)]
      hex[4 + 2 * index] = hexDigits[Int(byte & 0x0F)]
    }
    hex[hex.count - 1] = UInt8(ascii: "\t")
    buffer.writeBytes(hex)
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)
}
