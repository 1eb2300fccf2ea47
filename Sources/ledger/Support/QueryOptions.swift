import ArgumentParser
import Foundation
import LedgerCatalog
import LedgerCore
import LedgerQueries

/// `--as-of`, `--known-at-position` and `--known-at`, shared by the queries.
struct QueryOptions: ParsableArguments {
  @Option(name: .customLong("as-of"), help: "The effective date asked about (YYYY-MM-DD); default: today (UTC).")
  var asOf: String?

  @OptionGroup var knownAt: KnownAtOptions

  func validate() throws {
    _ = try date()
  }

  /// The as-of date: the option, or today's date in UTC, resolved once for the request.
  func date() throws -> CivilDate {
    try Today.date(or: asOf)
  }

  /// Opens the log, resolves the as-of date and the known-at position, and runs `body` with a
  /// query over the bundled catalog; an organization no event names exits 65.
  func run(
    on database: DatabaseOptions,
    _ body: (OrganizationQuery, _ asOf: CivilDate, _ knownAt: Int64) async throws -> Void
  ) async throws {
    let log = try database.openForReading()
    let query = OrganizationQuery(log: log, catalogs: try BundledCatalog.load())
    let asOf = try date()
    do {
      try await body(query, asOf, try await knownAt.point().resolve(in: log))
    } catch let unknown as UnknownOrganization {
      throw CommandFailure(exitCode: 65, lines: ["\(unknown)"])
    }
  }
}

/// `--known-at-position` and `--known-at`: the "as known at" point of a query.
struct KnownAtOptions: ParsableArguments {
  @Option(
    name: .customLong("known-at-position"), parsing: .unconditional,
    help: "Answer from the events recorded up to this position (0 or more).")
  var knownAtPosition: Int64?

  @Option(
    name: .customLong("known-at"),
    help: "Answer from the events recorded at or before this instant (RFC 3339 UTC, or a date: its end).")
  var knownAtInstant: String?

  func validate() throws {
    if knownAtPosition != nil, knownAtInstant != nil {
      throw ValidationError("give --known-at-position or --known-at, not both")
    }
    if let knownAtPosition, knownAtPosition < 0 { throw ValidationError("--known-at-position must not be negative") }
    _ = try point()
  }

  func point() throws -> KnownAt {
    if let knownAtPosition { return .position(knownAtPosition) }
    if let knownAtInstant {
      do {
        return .instant(try RecordedInstant(parsing: knownAtInstant))
      } catch {
        throw ValidationError("--known-at: \(error)")
      }
    }
    return .head
  }
}

/// `--from` and `--to`: a period of effective dates (closed), `--to` defaulting to today.
struct PeriodOptions: ParsableArguments {
  @Option(help: "The first effective date (YYYY-MM-DD); default: the beginning.")
  var from: String?

  @Option(help: "The last effective date (YYYY-MM-DD); default: today (UTC).")
  var to: String?

  func validate() throws {
    _ = try start()
    let end = try self.end()
    if let start = try start(), start > end { throw ValidationError("--from \(start) is after --to \(end)") }
  }

  func start() throws -> CivilDate? {
    guard let from else { return nil }
    do {
      return try CivilDate(parsing: from)
    } catch {
      throw ValidationError("--from: \(error)")
    }
  }

  func end() throws -> CivilDate {
    guard let to else { return Today.date() }
    do {
      return try CivilDate(parsing: to)
    } catch {
      throw ValidationError("--to: \(error)")
    }
  }
}

/// Today's date in UTC: read once per request by the CLI, never by projections.
enum Today {
  static func date() -> CivilDate {
    LedgerClock.system.now().day
  }

  /// `text` as a date for an option.
  static func parse(_ text: String) throws -> CivilDate {
    do {
      return try CivilDate(parsing: text)
    } catch {
      throw ValidationError("\(text): \(error)")
    }
  }

  /// `text` as the date of `option` (`--as-of` unless named), or today when absent.
  static func date(or text: String?, option: String = "--as-of") throws -> CivilDate {
    guard let text else { return date() }
    do {
      return try CivilDate(parsing: text)
    } catch {
      throw ValidationError("\(option): \(error)")
    }
  }
}

/// The bundled catalog, loaded once per command.
enum BundledCatalog {
  static func load() throws -> CatalogHistory {
    do {
      return try CatalogLoader.bundled()
    } catch {
      throw CommandFailure(exitCode: 70, lines: ["\(error)"])
    }
  }
}
