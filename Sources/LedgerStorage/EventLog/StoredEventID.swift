import CSQLite
import LedgerCore

/// How an event id is kept in the `event_id` and `corrects` columns (schema 8 on): a canonical
/// UUID as its 16 bytes, a short prefix followed by 32 hex digits (`acr-…`, a content digest)
/// as the digits' 16 bytes then the prefix, and any other id as its text.
///
/// The columns are `ANY` in a STRICT table, so a blob and a text never compare equal and the
/// unique index stays exact: every id has one stored form and reads back as the same text.
/// Generated UUIDv7 ids keep their time order as blobs, so the index still grows at its end.
enum StoredEventID {
  /// A stored id: the bytes of a blob, or the id itself as text.
  enum Form: Hashable {
    case packed([UInt8])
    case text(String)
  }

  /// The stored form of `id`.
  static func form(of id: String) -> Form {
    var text = id
    let packed = text.withUTF8 { utf8 -> [UInt8]? in
      // Only a UUID's length (36) or a digest's (33…47) can pack: no buffer for any other id.
      guard (33...47).contains(utf8.count) else { return nil }
      var bytes = [UInt8](repeating: 0, count: 16)
      if utf8.count == 36, packUUID(utf8, into: &bytes) { return bytes }
      // A digest's prefix is 1…15 bytes, so a packed digest is never 16 bytes long.
      let prefixCount = utf8.count - 32
      guard (1...15).contains(prefixCount), packHex(UnsafeBufferPointer(rebasing: utf8[prefixCount...]), into: &bytes)
      else {
        return nil
      }
      bytes.append(contentsOf: utf8[..<prefixCount])
      return bytes
    }
    return packed.map(Form.packed) ?? .text(id)
  }

  /// Packs `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in lowercase hex; `false` for anything else.
  private static func packUUID(_ utf8: UnsafeBufferPointer<UInt8>, into bytes: inout [UInt8]) -> Bool {
    var index = 0
    var out = 0
    while index < 36 {
      if index == 8 || index == 13 || index == 18 || index == 23 {
        guard utf8[index] == UInt8(ascii: "-") else { return false }
        index += 1
        continue
      }
      guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return false }
      bytes[out] = high << 4 | low
      out += 1
      index += 2
    }
    return true
  }

  /// Packs 32 lowercase hex digits; `false` for anything else.
  private static func packHex(_ utf8: UnsafeBufferPointer<UInt8>, into bytes: inout [UInt8]) -> Bool {
    for offset in 0..<16 {
      guard let high = nibble(utf8[2 * offset]), let low = nibble(utf8[2 * offset + 1]) else { return false }
      bytes[offset] = high << 4 | low
    }
    return true
  }

  /// The value of a lowercase hex digit (uppercase would not read back the same).
  private static func nibble(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    default: return nil
    }
  }
}

extension SQLiteStatement {
  /// Binds an event id in its stored form (``StoredEventID``), or NULL.
  func bind(_ index: Int32, eventID: String?) {
    switch eventID.map(StoredEventID.form(of:)) {
    case .packed(let bytes): bind(index, blob: bytes)
    case .text(let text): bind(index, text)
    case nil: bind(index, nil as String?)
    }
  }

  /// The event id in column `index` (a packed blob or a text), or `nil` for NULL.
  func eventID(_ index: Int32) -> String? {
    packedEventID(index)?.text
  }

  /// The event id in column `index` as stored, without making its text, or `nil` for NULL.
  func packedEventID(_ index: Int32) -> PackedEventID? {
    withColumn(index) { type, bytes in
      switch type {
      case SQLITE_BLOB: PackedEventID(packed: bytes)
      case SQLITE_NULL: nil
      default: .text(String(decoding: bytes, as: UTF8.self))
      }
    }
  }
}
