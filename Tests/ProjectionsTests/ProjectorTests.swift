import LedgerCatalog
import LedgerCore
import LedgerQueries
import LedgerStorage
import LedgerTestSupport
import Projections
import Testing

/// The read models answer as the replay does, and a catch-up folds only what is new.
struct ProjectorTests {
  static let windows: [(from: CivilDate?, through: CivilDate)] = [
    (nil, Samples.date("2020-06-30")), (nil, Samples.date("2021-03-31")),
    (Samples.date("2021-01-01"), Samples.date("2022-12-31")), (nil, Samples.date("2040-01-01")),
  ]

  /// Every window's alerts, of all organizations and of each, from `feed`.
  static func answers(_ feed: AlertFeed, knownAt: Int64) async throws -> [[Alert]] {
    var answers: [[Alert]] = []
    for window in windows {
      answers.append(try await feed.alerts(from: window.from, through: window.through, knownAt: knownAt))
      for org in HistoryGenerator.organizations {
        answers.append(try await feed.alerts(org: org, from: window.from, through: window.through, knownAt: knownAt))
      }
    }
    return answers
  }

  @Test(arguments: 1...3)
  func readModelAlertsMatchTheReplayAfterEveryCatchUp(seed: Int) async throws {
    var generator = HistoryGenerator(seed: UInt64(seed))
    let history = generator.history(count: 240)
    let log = try TemporaryLedger().open()
    let projector = Projector(log: log, catalogs: bundledCatalogs)
    let replay = AlertFeed(log: log, catalogs: bundledCatalogs)
    let models = AlertFeed(log: log, catalogs: bundledCatalogs, projector: projector)
    for part in [history.prefix(120), history.dropFirst(120)] {
      let before = ReadModelCheckpoint(position: try log.headPosition(), rules: projector.rules)
      _ = try log.append(Array(part))
      // Behind the head, the models answer for no position: not even the one they were folded at.
      #expect(try log.projectedAlerts(org: nil, from: nil, through: Samples.date("2022-12-31"), at: before) == nil)
      try await projector.catchUp()
      let head = try log.headPosition()
      #expect(try await projector.isCurrent(at: head))
      let expected = try await Self.answers(replay, knownAt: head)
      #expect(expected.contains { !$0.isEmpty }, "the histories raise alerts")
      #expect(try await Self.answers(models, knownAt: head) == expected)
      #expect(try await Self.answers(models, knownAt: head / 2) == Self.answers(replay, knownAt: head / 2))
    }
    let stored = { () throws -> ProjectedAlerts? in
      try log.projectedAlerts(
        org: nil, from: nil, through: Samples.date("2026-01-01"),
        at: ReadModelCheckpoint(position: log.headPosition(), rules: projector.rules))
    }
    let caughtUp = try #require(try stored())
    #expect(!caughtUp.alerts.isEmpty)
    try await projector.rebuild()
    #expect(try stored() == caughtUp)
  }

  @Test(arguments: 1...2)
  func readModelStatusesAndProfilesMatchTheReplayAfterEveryCatchUp(seed: Int) async throws {
    var generator = HistoryGenerator(seed: UInt64(seed))
    let history = generator.history(count: 240)
    let log = try TemporaryLedger().open()
    let projector = Projector(log: log, catalogs: bundledCatalogs)
    let query = OrganizationQuery(log: log, catalogs: bundledCatalogs)
    let days = stride(from: 0, through: 2_600, by: 37).map { Samples.date("2019-12-01").adding(days: $0) }
    var displayed = 0
    for part in [history.prefix(120), history.dropFirst(120)] {
      _ = try log.append(Array(part))
      let head = try log.headPosition()
      #expect(
        try log.projectedStatuses(of: "o1", at: ReadModelCheckpoint(position: head, rules: projector.rules)) == nil)
      try await projector.catchUp()
      for org in HistoryGenerator.organizations {
        let stored = try log.projectedStatuses(of: org, at: ReadModelCheckpoint(position: head, rules: projector.rules))
        guard case .encoded? = stored else {
          Issue.record("no current model of \(org)")
          continue
        }
        let replay = try await query.timeline(of: org, knownAt: head)
        for day in days {
          #expect(
            try await query.status(of: org, asOf: day, knownAt: head) == replay.status(asOf: day), "\(org) \(day)")
          let profile = replay.profile(asOf: day)
          displayed += profile.competencies.count
          #expect(try await query.profile(of: org, asOf: day, knownAt: head) == profile, "\(org) \(day)")
        }
      }
    }
    #expect(displayed > 0, "the histories display competencies")
    await #expect(throws: UnknownOrganization.self) {
      try await query.status(of: "nobody", asOf: days[0], knownAt: log.headPosition())
    }
  }

  @Test func aStatusAsKnownAtTheHeadIsReadFromTheModelAndAnEarlierOneReplayed() async throws {
    let ledger = TemporaryLedger()
    let log = try ledger.open()
    _ = try log.append(Samples.alertingOrganizations(2))
    try await Projector(log: log, catalogs: bundledCatalogs).catchUp()
    let query = OrganizationQuery(log: log, catalogs: bundledCatalogs)
    let (day, head) = (Samples.date("2020-04-01"), try log.headPosition())
    let expected = try await query.status(of: "org-1", asOf: day, knownAt: head)
    #expect(expected.competencies.contains { $0.override != nil }, "the last event placed an override")
    // A damaged model shows which path answered: the head reads it, an earlier position does not.
    try SQLiteConnection(path: ledger.path, mode: .existing).execute(
      "UPDATE read_model_statuses SET timeline = x'00' WHERE org = 'org-1'")
    await #expect(throws: StoredDataError.self) { try await query.status(of: "org-1", asOf: day, knownAt: head) }
    await #expect(throws: StoredDataError.self) { try await query.profile(of: "org-1", asOf: day, knownAt: head) }
    let earlier = try await query.status(of: "org-1", asOf: day, knownAt: head - 1)
    #expect(earlier == (try await query.timeline(of: "org-1", knownAt: head - 1).status(asOf: day)))
    #expect(earlier.competencies.allSatisfy { $0.override == nil })
  }

  @Test func aCatchUpFoldsOnlyTheOrganizationsTheNewEventsConcern() async throws {
    let log = try TemporaryLedger().open()
    let projector = Projector(log: log, catalogs: bundledCatalogs)
    _ = try log.append(Samples.enrolments(5))
    #expect(try await projector.catchUp().organizations == 5)
    #expect(try await projector.catchUp().organizations == 0, "nothing new")
    let day = Samples.date("2021-02-01")
    _ = try log.append([
      ProposedEvent(effective: day, event: .membershipPurchased(MembershipPurchased(org: "org-2", level: .silver))),
      ProposedEvent(
        effective: day, event: .individualAssociated(IndividualAssociated(individual: "ann", org: "org-3"))),
    ])
    #expect(try await projector.catchUp().organizations == 2)
    // Ann moves: her stream concerns the organization she left and the one she joins.
    _ = try log.append([
      ProposedEvent(
        effective: day.adding(days: 1),
        event: .individualAssociated(IndividualAssociated(individual: "ann", org: "org-4")))
    ])
    let report = try await projector.catchUp()
    #expect(report.organizations == 2)
    #expect(report.from == 7 && report.to == 8)
  }

  @Test func modelsFoldedWithOtherRulesAreFoldedAgain() async throws {
    let log = try TemporaryLedger().open()
    _ = try log.append(Samples.alertingOrganizations(3))
    let bundled = Projector(log: log, catalogs: bundledCatalogs)
    try await bundled.catchUp()
    let older = Projector(log: log, catalogs: CatalogHistory(versions: Array(bundledCatalogs.versions.dropLast())))
    #expect(older.rules != bundled.rules)
    #expect(try await !older.isCurrent(at: log.headPosition()))
    #expect(try await older.catchUp().organizations == 3, "every model dropped and folded again")
    #expect(try await !bundled.isCurrent(at: log.headPosition()))
    #expect(bundledCatalogs.versions.allSatisfy { !$0.digest.isEmpty }, "a loaded version carries its digest")
  }

  @Test func aSinkIsOfferedWhatArrivedOrFellDueSinceItsLastPass() async throws {
    let log = try TemporaryLedger().open()
    let projector = Projector(log: log, catalogs: bundledCatalogs)
    let replay = AlertFeed(log: log, catalogs: bundledCatalogs)
    _ = try log.append(Samples.alertingOrganizations(2))
    let (first, second) = (Samples.date("2020-09-01"), Samples.date("2022-01-01"))
    try await projector.catchUp(through: first)
    let pass = try log.alertsDue(after: nil, through: first)
    #expect(pass.alerts.map(\.id) == (try await replay.alerts(through: first, knownAt: log.headPosition())).map(\.id))
    try log.saveAlertCursor(pass.cursor, sink: "s")
    #expect(try log.alertsDue(after: log.alertCursor(sink: "s"), through: first).alerts.isEmpty)

    // A backdated override for a third organization raises alerts effective before the cursor's day.
    _ = try log.append(Samples.alertingOrganizations(3).suffix(3))
    try await projector.catchUp(through: first)
    let later = try log.alertsDue(after: log.alertCursor(sink: "s"), through: first)
    #expect(!later.alerts.isEmpty && later.alerts.allSatisfy { $0.org == "org-2" })
    try log.saveAlertCursor(later.cursor, sink: "s")

    // Days passing bring the rest: together, the passes offered each due alert once.
    try await projector.catchUp(through: second)
    let last = try log.alertsDue(after: log.alertCursor(sink: "s"), through: second)
    let offered = (pass.alerts + later.alerts + last.alerts).map(\.id)
    let due = try await replay.alerts(through: second, knownAt: log.headPosition()).map(\.id)
    #expect(offered.sorted() == due.sorted())
    #expect(Set(offered).count == offered.count)
  }
}
