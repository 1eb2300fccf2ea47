import Foundation
public import LedgerCore

/// A stored record as `ledger log` prints it: voided events stay, marked.
public enum LogEntryDocument {
  /// The entry in one tab-separated line, every text escaped.
  public static func text(of entry: LogEntry) -> String {
    let record = entry.record
    let safe = { (text: String) in OutputText.escaped(text) }
    var line = "\(record.position)\t\(record.recorded)\t\(safe(record.stream.description))@\(record.streamVersion)\t"
    line += "\(record.typeName)\teffective \(record.effective)\tid \(safe(record.id))"
    if let actor = record.actor { line += "\tby \(safe(actor.id))" + (actor.role.map { " (\(safe($0)))" } ?? "") }
    if let writer = record.writer { line += "\twritten by \(safe(writer))" }
    if record.unchecked { line += "\tUNCHECKED import" }
    if let corrects = record.corrects { line += "\tcorrects \(safe(corrects))" }
    if let reason = record.reason { line += "\treason \"\(safe(reason))\"" }
    if let voidedBy = entry.voidedBy { line += "\tVOIDED by position \(voidedBy)" }
    line += "\thash \(HashChain.hex(record.hash).prefix(16))\n"
    return line
  }

  /// The entry as one JSON object with the interface's keys.
  /// - Throws: ``StoredDataError`` when the record does not decode.
  public static func json(of entry: LogEntry) throws -> JSONValue {
    let record = entry.record
    let payload = try record.decodedFromStorage().event.payloadJSON
    return .object([
      ("position", .number(Decimal(record.position))),
      ("id", .string(record.id)),
      ("stream", .string(record.stream.description)),
      ("streamVersion", .number(Decimal(record.streamVersion))),
      ("type", .string(record.typeName)),
      ("schemaVersion", .number(Decimal(record.schemaVersion))),
      ("effective", .string(record.effective.description)),
      ("recorded", .string(record.recorded.description)),
      ("actor", record.actor?.json ?? .null),
      ("corrects", record.corrects.map(JSONValue.string) ?? .null),
      ("reason", record.reason.map(JSONValue.string) ?? .null),
      ("payload", payload),
      ("hash", .string(HashChain.hex(record.hash))),
      ("writer", record.writer.map(JSONValue.string) ?? .null),
      ("unchecked", .bool(record.unchecked)),
      ("voidedBy", entry.voidedBy.map { .number(Decimal($0)) } ?? .null),
    ])
  }
}
