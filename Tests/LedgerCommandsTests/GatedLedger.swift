import Foundation
import LedgerCatalog
import LedgerCommands
import LedgerCore
import LedgerStorage
import LedgerTestSupport
import Testing

/// The demo's sample history in a temporary ledger, with roles bootstrapped by `system`:
/// `admin` (Global admin of contoso), `account` (MPN Account admin of contoso), `maria`
/// (Microsoft agent), `audrey` (auditor) and `fab-admin` (Global admin of fabrikam).
struct GatedLedger {
  static let catalogs = try! CatalogLoader.bundled()
  static let wsMigration = "windows-server-and-sql-server-migration-to-microsoft-azure"

  let ledger = TemporaryLedger()
  let log: SQLiteEventLog
  let handler: CommandHandler

  init() async throws {
    log = try ledger.open()
    let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources/ledger/Resources/demo.ndjson")
    var batch = InputBatch()
    batch.read(try Data(contentsOf: demo), file: "demo.ndjson")
    _ = try log.append(batch.events)
    handler = CommandHandler(log: log, catalogs: Self.catalogs)
    // The system bootstraps each organization's first Global admin and the program-wide
    // roles; contoso's Global admin grants its Account admin.
    let grants: [(String, Role, String?, String)] = [
      ("admin", .globalAdmin, "contoso", "system"), ("account", .accountAdmin, "contoso", "admin"),
      ("maria", .microsoftAgent, nil, "system"), ("audrey", .auditor, nil, "system"),
      ("fab-admin", .globalAdmin, "fabrikam", "system"),
    ]
    for (subject, role, org, grantor) in grants {
      _ = try await handler.execute(
        .grant(subject: subject, role: role, org: org), by: grantor, on: Samples.date("2020-01-06"))
    }
  }

  /// Runs `command`; expects it recorded, and returns the recorded event.
  @discardableResult
  func allowed(
    _ command: LedgerCommand, by actor: String, on date: String, sourceLocation: SourceLocation = #_sourceLocation
  )
    async throws -> RecordedEvent?
  {
    let receipt = try await handler.execute(command, by: actor, on: Samples.date(date))
    #expect(receipt.appended.count == 1, sourceLocation: sourceLocation)
    var recorded: RecordedEvent?
    try await log.forEachEvent(from: try log.headPosition(), knownAt: try log.headPosition()) { recorded = $0 }
    return recorded
  }

  /// Runs `command`; expects a refusal that writes nothing, and returns its message.
  func refused(
    _ command: LedgerCommand, by actor: String, on date: String, sourceLocation: SourceLocation = #_sourceLocation
  )
    async throws -> String
  {
    let head = try log.headPosition()
    do {
      _ = try await handler.execute(command, by: actor, on: Samples.date(date))
      Issue.record("\(command) by \(actor) was recorded", sourceLocation: sourceLocation)
      return ""
    } catch let refusal as CommandRefusal {
      #expect(try log.headPosition() == head, "a refusal writes nothing", sourceLocation: sourceLocation)
      return refusal.message
    }
  }
}
