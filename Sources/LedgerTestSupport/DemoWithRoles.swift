public import Foundation
public import LedgerCatalog
public import LedgerCommands
public import LedgerCore
public import LedgerStorage

/// The demo's sample history with the roles the gated tests act in, bootstrapped as the
/// program would: the system names each organization's first Global admin and the
/// program-wide roles, and contoso's Global admin grants its Account admin (all on
/// 2020-01-06). `admin` is Global admin of contoso, `account` its MPN Account admin,
/// `fab-admin` Global admin of fabrikam, `maria` a Microsoft agent and `audrey` an auditor.
public enum DemoWithRoles {
  /// The rules the demo is decided by.
  public static let catalogs = try! CatalogLoader.bundled()

  /// The demo's events, as `ledger demo` appends them.
  public static func events() throws -> [ProposedEvent] {
    let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources/LedgerCLI/Resources/demo.ndjson")
    var batch = InputBatch()
    batch.read(try Data(contentsOf: demo), file: "demo.ndjson")
    return batch.events
  }

  /// Appends the demo to `log` and grants the roles.
  /// - Returns: a handler over `log` for the tests' commands.
  @discardableResult
  public static func load(into log: SQLiteEventLog) async throws -> CommandHandler {
    _ = try log.append(try events())
    let handler = CommandHandler(log: log, catalogs: catalogs)
    let grants: [(String, Role, String?, String)] = [
      ("admin", .globalAdmin, "contoso", "system"), ("account", .accountAdmin, "contoso", "admin"),
      ("maria", .microsoftAgent, nil, "system"), ("audrey", .auditor, nil, "system"),
      ("fab-admin", .globalAdmin, "fabrikam", "system"),
    ]
    for (subject, role, org, grantor) in grants {
      _ = try await handler.execute(
        .grant(subject: subject, role: role, org: org), by: grantor, on: Samples.date("2020-01-06"))
    }
    return handler
  }
}
