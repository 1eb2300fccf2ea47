/// Which columns of the `events` table hold an event's fields: what a ledger's schema version
/// says, so a file opened only to read (an archive an older ledger wrote) is read as it is.
package enum EventRowLayout: Equatable {
  /// Schema 8 on: the columns that indexes and queries read, and the rest packed into the
  /// `envelope` (``StoredEnvelope``); ids packed as ``StoredEventID`` says.
  case compact
  /// Schemas 1 to 7: a column per field, ids as text; before schema 4 without `writer` and
  /// `unchecked`.
  case columns(withWriter: Bool)

  /// The layout of a ledger at schema `version`.
  init(schemaVersion version: Int) {
    self = version >= 8 ? .compact : .columns(withWriter: version >= 4)
  }

  /// The columns every event read selects, in the order ``SQLiteEventLog`` decodes them.
  var selectedColumns: String {
    switch self {
    case .compact: "position, event_id, stream_no, stream_version, corrects, envelope, payload"
    case .columns(withWriter: true): Self.columnsFromSchema4
    case .columns(withWriter: false):
      // Padded so rows decode the same.
      """
      position, event_id, stream_no, stream_version, type, schema_version, effective, recorded,
      actor_id, actor_role, corrects, reason, payload, hash, NULL, 0
      """
    }
  }

  /// The column holding the recorded instant: alone, or at its offset in the envelope.
  var recordedColumn: String {
    self == .compact ? "envelope" : "recorded"
  }

  /// The one column per field of schemas 4 to 7, which migration 8 packs.
  package static let columnsFromSchema4 = """
    position, event_id, stream_no, stream_version, type, schema_version, effective, recorded,
    actor_id, actor_role, corrects, reason, payload, hash, writer, unchecked
    """
}
