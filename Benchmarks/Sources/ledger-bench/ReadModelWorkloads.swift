import Foundation
import LedgerCatalog
import LedgerCore
import LedgerQueries
import LedgerStorage
import LedgerTestSupport

/// The read models: a fold from scratch, a catch-up after new events with the notify pass
/// that follows it, and the fleet's alerts answered from the models.
enum ReadModelWorkloads {
  /// Drops the read models and folds every organization again (on a SQLite file or a
  /// PostgreSQL database; the sizes are the file's).
  static func rebuild(path: String) async throws {
    let before = databaseBytes(path) + databaseBytes(path + "-wal")
    let started = now()
    let report = try await Projector(log: try await keeper(path), catalogs: try CatalogLoader.bundled()).rebuild()
    let elapsed = now() - started
    // The log is closed: the last connection folded the WAL into the file.
    var figures = Figures()
    figures.add("op", "project-rebuild")
    figures.add("organizations", report.organizations)
    figures.add("log_events", report.to)
    figures.add("rebuild_s", seconds: elapsed)
    figures.add("events_per_s", rate: Double(report.to) / elapsed)
    figures.add("db_bytes_before", before)
    figures.add("db_bytes_after", databaseBytes(path) + databaseBytes(path + "-wal"))
    figures.print()
  }

  /// The log at `path` with its read models.
  private static func keeper(_ path: String) async throws -> any EventLog & ReadModelStore {
    guard let log = try await BenchLog.open(path, writing: true) as? any EventLog & ReadModelStore else {
      throw POSIXError(.EINVAL)
    }
    return log
  }

  /// Appends about `events` events (new organizations' histories), then times the catch-up
  /// and one notify pass (the alerts due through `day` since the sink's last pass).
  static func catchUp(path: String, events target: Int, day: CivilDate) async throws {
    let log = try SQLiteEventLog(path: path, create: false)
    let projector = Projector(log: log, catalogs: try CatalogLoader.bundled())
    try await projector.catchUp(through: day)
    let sink = "bench"
    if try log.alertCursor(sink: sink) == nil {
      try log.saveAlertCursor(try log.alertsDue(after: nil, through: day).cursor, sink: sink)
    }
    var random = SplitMix64(seed: UInt64(try log.headPosition()))
    var individual = 50_000_000 + Int(try log.headPosition())
    var pending: [ProposedEvent] = []
    var org = 10_000_000 + Int(try log.headPosition() % 1_000_000)
    while pending.count < target {
      pending += ProgramHistories.organization(org, individuals: &individual, random: &random)
      org += 1
    }
    let appended = try log.append(pending).appended.count
    var started = now()
    let report = try await projector.catchUp(through: day)
    let catchUp = now() - started
    started = now()
    try await projector.catchUp(through: day)
    let due = try log.alertsDue(after: try log.alertCursor(sink: sink), through: day)
    let alerts = try due.alerts.map(Alert.init)
    try log.saveAlertCursor(due.cursor, sink: sink)
    let pass = now() - started
    var figures = Figures()
    figures.add("op", "catch-up")
    figures.add("appended", appended)
    figures.add("log_events", report.to)
    figures.add("organizations_folded", report.organizations)
    figures.add("catch_up_s", seconds: catchUp)
    figures.add("notify_alerts", alerts.count)
    figures.add("notify_pass_s", seconds: pass)
    figures.print()
  }

  /// Every organization's alerts through `day`, from the read models (caught up first).
  static func alerts(path: String, day: CivilDate, replaying: Bool) async throws {
    let log = try SQLiteEventLog(path: path, create: false)
    let catalogs = try CatalogLoader.bundled()
    let projector = Projector(log: log, catalogs: catalogs)
    if !replaying { try await projector.catchUp(through: day) }
    let started = now()
    let alerts = try await AlertFeed(log: log, catalogs: catalogs, projector: replaying ? nil : projector).alerts(
      through: day, knownAt: try log.headPosition())
    let elapsed = now() - started
    var figures = Figures()
    figures.add("op", replaying ? "alerts-replayed" : "alerts")
    figures.add("organizations", try log.organizations().count)
    figures.add("alerts", alerts.count)
    figures.add("alerts_s", seconds: elapsed)
    figures.print()
  }
}
