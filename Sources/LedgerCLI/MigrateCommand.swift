import ArgumentParser
import Foundation
import LedgerCore
import LedgerStorage

/// `ledger migrate`: brings a ledger database to this build's schema, explicitly.
struct MigrateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "migrate", abstract: "Bring a ledger database to this build's schema.",
    discussion: Help.text(
      """
      Any write migrates the database it opens when the connecting role may; this does it \
      explicitly, for a PostgreSQL deployment where an owner role migrates and the role the \
      ledger runs as may only read and insert: run it as the owner, with --grant naming the \
      application role, which is then granted SELECT and INSERT on the log's tables and \
      nothing more. A SQLite file is migrated as any write would, then compacted: the free \
      pages a migration leaves (schema 8 rewrites every event row) are given back to the file \
      system. See docs/postgres.md.
      """, example: "ledger migrate --db postgres://owner@db.internal/ledger --grant ledger_app",
      exits: [.success, .usage, .dataError, .noInput, .ioError]))

  @OptionGroup var database: DatabaseOptions

  @Option(help: "A PostgreSQL role to grant SELECT and INSERT on the log (the role the ledger runs as).")
  var grant: String?

  func run() async throws {
    try await reportingFailures {
      guard database.isServer else {
        guard grant == nil else { throw ValidationError("--grant names a PostgreSQL role; a SQLite file has none") }
        let log = try database.openExistingForWriting()
        let reclaimed: Int64
        do {
          reclaimed = try log.reclaimFreePages()
        } catch {
          throw CommandFailure.storage(error, path: database.resolvedPath)
        }
        let given =
          reclaimed > 0
          ? String(format: "; %.1f MB of free pages given back to the file system", Double(reclaimed) / 1e6) : ""
        print("\(database.resolvedPath): migrated to this ledger's schema\(given)")
        return
      }
      let server = try DatabaseOptions.serverDatabases()
      do {
        try await server.migrate(database.resolvedPath, grantingTo: grant)
      } catch {
        throw CommandFailure.storage(error, path: database.resolvedPath)
      }
      let granted = grant.map { "; \($0) may read and insert" } ?? ""
      print("\(database.resolvedPath): migrated to this ledger's schema\(granted)")
    }
  }
}
