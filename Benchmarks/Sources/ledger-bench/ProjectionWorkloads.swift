import Foundation
import LedgerCatalog
import LedgerCore
import LedgerQueries
import LedgerTestSupport

/// W4 and W5: rebuilding every organization's projections, and as-of queries.
enum ProjectionWorkloads {
  /// W4: the status of every organization on `asOf`, each rebuilt from its events.
  /// With `limit`, only that many organizations, spread evenly over all of them: the cost of
  /// one organization does not depend on the size of the log (its streams are read by index).
  static func rebuild(path: String, asOf: CivilDate, limit: Int?) async throws {
    let log = try await BenchLog.open(path, writing: false)
    let query = OrganizationQuery(log: log, catalogs: try CatalogLoader.bundled())
    let head = try await log.headPosition()
    let all = try await log.organizations()
    let step = max(1, all.count / (limit ?? all.count))
    let organizations = stride(from: 0, to: all.count, by: step).prefix(limit ?? all.count).map { all[$0] }
    var events = 0
    var atRisk = 0
    let started = now()
    for org in organizations {
      let timeline = try await query.timeline(of: org, knownAt: head)
      events += timeline.facts.events.count
      atRisk += timeline.status(asOf: asOf).alerts.count
    }
    let elapsed = now() - started
    var figures = Figures()
    figures.add("op", "rebuild")
    figures.add("organizations", organizations.count)
    figures.add("of_organizations", all.count)
    figures.add("events", events)
    figures.add("log_events", head)
    figures.add("open_alerts", atRisk)
    figures.add("rebuild_s", seconds: elapsed)
    figures.add("events_per_s", rate: Double(events) / elapsed)
    figures.print()
  }

  /// W5: `status` for random organizations, as-of dates and known-at positions (or the head,
  /// where current read models answer).
  static func queries(path: String, samples: Int, seed: UInt64, atHead: Bool, profile: Bool) async throws {
    let log = try await BenchLog.open(path, writing: false)
    let query = OrganizationQuery(log: log, catalogs: try CatalogLoader.bundled())
    let head = try await log.headPosition()
    let organizations = try await log.organizations()
    var random = SplitMix64(seed: seed)
    var latencies: [Double] = []
    var unknown = 0
    let first = CivilDate(year: 2019, month: 6, day: 1)!
    for _ in 0..<samples {
      let org = organizations.randomElement(using: &random)!
      let asOf = first.adding(days: Int.random(in: 0..<1_000, using: &random))
      let knownAt = atHead ? head : Int64.random(in: (head / 2)...head, using: &random)
      let started = now()
      do {
        if profile {
          _ = try await query.profile(of: org, asOf: asOf, knownAt: knownAt)
        } else {
          _ = try await query.status(of: org, asOf: asOf, knownAt: knownAt)
        }
      } catch is UnknownOrganization {
        unknown += 1
      }
      latencies.append((now() - started) * 1e6)
    }
    latencies.sort()
    var figures = Figures()
    figures.add("op", profile ? "profile" : "status")
    figures.add("samples", samples)
    figures.add("log_events", head)
    figures.add("known_at", atHead ? "head" : "random")
    var current = false
    if let store = log as? any EventLog & ReadModelStore {
      current = try await Projector(log: store, catalogs: query.catalogs).isCurrent(at: head)
    }
    figures.add("from_read_models", atHead && current)
    figures.add("unknown_as_known_then", unknown)
    figures.add(latencies: latencies, decimals: 0)
    figures.print()
  }
}
