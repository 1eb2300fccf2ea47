import ArgumentParser
import Foundation
import LedgerCatalog
import LedgerCore
import LedgerQueries

/// `--as-of`, `--known-at-position` and `--known-at`, shared by the queries.
struct QueryOptions: ParsableArguments {
  @Option(
    name: .customLong("as-of"), help: "The effective date asked about (YYYY-MM-DD); default: today (UTC).",
    transform: CivilDate.init(parsing:))
  var asOf: CivilDate?

  @OptionGroup var knownAt: KnownAtOptions

  /// The as-of date: the option, or today's date in UTC, resolved once for the request.
  func date() -> CivilDate {
    asOf ?? Today.date()
  }

  /// Opens the log, resolves the as-of date and the known-at position, and runs `body` with a
  /// query over the bundled catalog; an organization no event names exits 65.
  ///
  /// With `catchingUp`, a question as known at the head first brings the read models up to
  /// date when this release folded them with these rules (a `project`, `alerts` or `notify`
  /// did) and the ledger may be written, so that they answer. Anything else is replayed: a
  /// query never migrates a ledger, and never folds a whole fleet.
  func run(
    on database: DatabaseOptions, catchingUp: Bool = false,
    _ body: (OrganizationQuery, _ asOf: CivilDate, _ knownAt: Int64) async throws -> Void
  ) async throws {
    let catalogs = try BundledCatalog.load()
    var log = try await database.openLogForReading()
    if catchingUp, knownAt.point() == .head, let reader = log as? any EventLog & ReadModelStore,
      let checkpoint = try await reader.readModelCheckpoint(),
      checkpoint.rules == Projector(log: reader, catalogs: catalogs).rules,
      try await checkpoint.position != reader.headPosition()
    {
      let keeper: any EventLog & ReadModelStore =
        database.isServer ? try await database.openKeeper() : try database.openForAnswering()
      if keeper.keepsReadModels { try await Projector(log: keeper, catalogs: catalogs).catchUp() }
      log = keeper
    }
    let query = OrganizationQuery(log: log, catalogs: catalogs)
    let asOf = date()
    do {
      try await body(query, asOf, try await knownAt.point().resolve(in: log))
    } catch let unknown as UnknownOrganization {
      throw CommandFailure(status: .dataError, lines: ["\(unknown)"])
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
    help: "Answer from the events recorded at or before this instant (RFC 3339 UTC, or a date: its end).",
    transform: RecordedInstant.init(parsing:))
  var knownAtInstant: RecordedInstant?

  func validate() throws {
    if knownAtPosition != nil, knownAtInstant != nil {
      throw ValidationError("give --known-at-position or --known-at, not both")
    }
    if let knownAtPosition, knownAtPosition < 0 { throw ValidationError("--known-at-position must not be negative") }
  }

  /// The point asked for: a position, an instant, or the head.
  func point() -> KnownAt {
    if let knownAtPosition { return .position(knownAtPosition) }
    if let knownAtInstant { return .instant(knownAtInstant) }
    return .head
  }
}

/// `--from` and `--to`: a period of effective dates (closed), `--to` defaulting to today.
struct PeriodOptions: ParsableArguments {
  @Option(help: "The first effective date (YYYY-MM-DD); default: the beginning.", transform: CivilDate.init(parsing:))
  var from: CivilDate?

  @Option(help: "The last effective date (YYYY-MM-DD); default: today (UTC).", transform: CivilDate.init(parsing:))
  var to: CivilDate?

  func validate() throws {
    if let from, from > end { throw ValidationError("--from \(from) is after --to \(end)") }
  }

  /// The first effective date, if limited.
  var start: CivilDate? { from }
  /// The last effective date: `--to`, or today (UTC).
  var end: CivilDate { to ?? Today.date() }
}

/// Today's date in UTC: read once per request by the CLI, never by projections.
enum Today {
  static func date() -> CivilDate {
    LedgerClock.system.now().day
  }
}

/// The bundled catalog, loaded once per command.
enum BundledCatalog {
  static func load() throws -> CatalogHistory {
    do {
      return try CatalogLoader.bundled()
    } catch {
      throw CommandFailure(status: .software, lines: ["\(error)"])
    }
  }
}
