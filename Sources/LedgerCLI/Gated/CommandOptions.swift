import ArgumentParser
import Foundation
import LedgerCommands
import LedgerCore
import LedgerPresentation
import LedgerStorage

/// `--actor`, `--effective` and `--json`, shared by the commands the program's gates decide on.
struct CommandOptions: ParsableArguments {
  @Option(help: "Who acts, recorded as the event's actor and writer (see docs/commands.md for `system`).")
  var actor: String

  @Option(
    help: "The day the fact takes effect (YYYY-MM-DD); default: today (UTC).", transform: CivilDate.init(parsing:))
  var effective: CivilDate?

  @Flag(help: "Print the event recorded, or the refusal, as one JSON object.")
  var json = false

  func validate() throws {
    guard !actor.isEmpty else { throw ValidationError("--actor must not be empty") }
  }

  /// Decides and records `command` in the database; a refusal or conflict exits 69.
  func record(_ command: LedgerCommand, in database: DatabaseOptions) async throws {
    let log = try await database.openLogForWriting()
    let receipt = try await Self.execute(
      command, by: actor, on: effective ?? Today.date(), json: json, log: log, database: database)
    guard json else {
      print("recorded: \(receipt.appended.first.map { "position \($0.position), event \($0.id)" } ?? "nothing new")")
      return
    }
    var recorded: JSONValue = .null
    if let position = receipt.appended.first?.position {
      try await log.forEachEntry(from: position) { entry in
        if entry.record.position == position { recorded = try LogEntryDocument.json(of: entry) }
      }
    }
    print(String(decoding: JSONValue.object([("recorded", recorded)]).canonicalBytes, as: UTF8.self))
  }

  /// Decides and records `command` by `actor` in `log`: a refusal (printed as JSON with
  /// `json`) or a conflict exits 69, an invalid name 65, a storage fault with its own code.
  static func execute(
    _ command: LedgerCommand, by actor: String, on date: CivilDate, json: Bool, log: any EventLog,
    database: DatabaseOptions
  ) async throws -> AppendReceipt {
    let handler = CommandHandler(log: log, catalogs: try BundledCatalog.load())
    do {
      return try await handler.execute(command, by: actor, on: date)
    } catch let refusal as CommandRefusal {
      if json {
        print(String(decoding: JSONValue.object([("refused", .string(refusal.message))]).canonicalBytes, as: UTF8.self))
      }
      throw CommandFailure(status: .refused, lines: ["refused: \(refusal.message)"])
    } catch let invalid as EventValidationError {
      throw CommandFailure(status: .dataError, lines: [invalid.reason])
    } catch let conflict as CommandConflict {
      throw CommandFailure(status: .refused, lines: ["conflict: \(conflict)"])
    } catch let failure as CommandFailure {
      throw failure
    } catch {
      throw CommandFailure.storage(error, path: database.resolvedPath)
    }
  }
}
