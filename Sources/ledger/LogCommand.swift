import ArgumentParser
import Foundation
import LedgerCore
import LedgerQueries
import LedgerStorage

/// `ledger log`: the raw log with positions, recorded times and hashes.
struct LogCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "log",
    abstract: "Print the raw log: positions, recorded times, streams, hashes; voided events marked.",
    discussion: Help.text(
      "Streams in constant memory, however long the log.", example: "ledger log --from-position 30 --json | head",
      exits: Help.queryExits)
  )

  @OptionGroup var database: DatabaseOptions

  @Option(name: .customLong("from-position"), parsing: .unconditional, help: "The first position to print (1 or more).")
  var fromPosition: Int64 = 1

  @Flag(help: "Print NDJSON, one object per event.")
  var json = false

  func validate() throws {
    guard fromPosition >= 1 else { throw ValidationError("--from-position must be 1 or more, not \(fromPosition)") }
  }

  func run() async throws {
    try await reportingFailures {
      let log = try database.openForReading()
      var output = OutputBuffer()
      do {
        try await log.forEachEntry(from: fromPosition) { entry in
          if json {
            output.write(bytes: try LogCommand.json(of: entry).canonicalBytes)
            output.write("\n")
          } else {
            output.write(LogCommand.text(of: entry))
          }
        }
      } catch {
        throw CommandFailure.storage(error, path: database.resolvedPath)
      }
      output.flush()
    }
  }

  static func text(of entry: LogEntry) -> String {
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

  static func json(of entry: LogEntry) throws -> JSONValue {
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
