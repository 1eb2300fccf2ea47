import ArgumentParser
import Foundation
import LedgerCore
import LedgerStorage

/// `ledger log`: the raw log with positions, recorded times and hashes.
struct LogCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "log",
    abstract: "Print the raw log: positions, recorded times, streams, hashes; voided events marked.",
    discussion: "Streams in constant memory, however long the log."
  )

  @OptionGroup var database: DatabaseOptions

  @Option(name: .customLong("from-position"), help: "The first position to print.")
  var fromPosition: Int64 = 1

  @Flag(help: "Print NDJSON, one object per event.")
  var json = false

  func run() async throws {
    try await reportingFailures {
      let log = try database.openForReading()
      var output = OutputBuffer()
      do {
        try log.forEachEntry(from: fromPosition) { entry in
          if json {
            output.write(bytes: LogCommand.json(of: entry).canonicalBytes)
            output.write("\n")
          } else {
            output.write(LogCommand.text(of: entry))
          }
        }
      } catch {
        throw CommandFailure(exitCode: 70, lines: ["\(database.resolvedPath): \(error)"])
      }
      output.flush()
    }
  }

  static func text(of entry: LogEntry) -> String {
    let record = entry.record
    var line = "\(record.position)\t\(record.recorded)\t\(record.stream)@\(record.streamVersion)\t"
    line += "\(record.typeName)\teffective \(record.effective)\tid \(record.id)"
    if let actor = record.actor { line += "\tby \(actor.id)" + (actor.role.map { " (\($0))" } ?? "") }
    if let corrects = record.corrects { line += "\tcorrects \(corrects)" }
    if let reason = record.reason { line += "\treason \"\(reason)\"" }
    if let voidedBy = entry.voidedBy { line += "\tVOIDED by position \(voidedBy)" }
    line += "\thash \(HashChain.hex(record.hash).prefix(16))\n"
    return line
  }

  static func json(of entry: LogEntry) -> JSONValue {
    let record = entry.record
    let payload = (try? JSONParser.parse(record.payload)) ?? .null
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
      ("voidedBy", entry.voidedBy.map { .number(Decimal($0)) } ?? .null),
    ])
  }
}
