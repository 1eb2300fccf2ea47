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
  static let catalogs = DemoWithRoles.catalogs
  static let wsMigration = "windows-server-and-sql-server-migration-to-microsoft-azure"

  let ledger = TemporaryLedger()
  let log: SQLiteEventLog
  let handler: CommandHandler

  init() async throws {
    log = try ledger.open()
    handler = try await DemoWithRoles.load(into: log)
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
