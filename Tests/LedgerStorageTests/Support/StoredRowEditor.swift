import LedgerCore

@testable import LedgerStorage

/// An insider with write access to the file: edits a stored event's fields and writes them
/// back in the file's own layout, as a script that knows the layout would.
struct StoredRowEditor {
  /// The ledger's file.
  let path: String
  /// A connection whose append-only triggers are dropped.
  let raw: SQLiteConnection

  /// Changes the fields of the event at `position` (the hash too, unless `change` sets it).
  func rewrite(_ position: Int64, _ change: (inout EventRecord) -> Void) async throws {
    var found: EventRecord?
    try await SQLiteEventLog(readingAt: path).forEachEntry(from: position) { entry in
      if found == nil { found = entry.record }
    }
    guard var record = found, record.position == position else {
      throw StoredDataError(position: position, reason: "none")
    }
    change(&record)
    try store(record)
  }

  /// Writes every field of `record` over the stored row at its position.
  func store(_ record: EventRecord) throws {
    var envelope: [UInt8] = []
    try StoredEnvelope.write(record, into: &envelope)
    let update = try raw.statement(
      "UPDATE events SET event_id = ?, corrects = ?, envelope = ?, payload = ? WHERE position = ?")
    update.bind(1, eventID: record.id)
    update.bind(2, eventID: record.corrects)
    update.bind(3, blob: envelope)
    update.bind(4, blob: record.payload)
    update.bind(5, record.position)
    try update.run()
  }
}
