import LedgerCore
import LedgerStorage

/// One change an insider makes to the file: SQL, or fields of a stored event rewritten in the
/// file's own layout (``StoredRowEditor``).
enum Tampering: Sendable {
  case sql(String)
  case fields(position: Int64, @Sendable (inout EventRecord) -> Void)

  /// Makes the change.
  func apply(with editor: StoredRowEditor) async throws {
    switch self {
    case .sql(let sql): try editor.raw.execute(sql)
    case .fields(let position, let change): try await editor.rewrite(position, change)
    }
  }
}
