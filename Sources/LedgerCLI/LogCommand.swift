import ArgumentParser
import Foundation
import LedgerCore
import LedgerPresentation
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
      let log = try await database.openLogForReading()
      var output = OutputBuffer()
      do {
        try await log.forEachEntry(from: fromPosition) { entry in
          if json {
            output.write(bytes: try LogEntryDocument.json(of: entry).canonicalBytes)
            output.write("\n")
          } else {
            output.write(LogEntryDocument.text(of: entry))
          }
        }
      } catch {
        throw CommandFailure.storage(error, path: database.resolvedPath)
      }
      output.flush()
    }
  }

}
