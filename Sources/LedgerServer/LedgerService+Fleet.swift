import Hummingbird
import LedgerCatalog
import LedgerCore
import LedgerPresentation
import LedgerQueries
import LedgerStorage
import Projections

extension LedgerService {
  /// Answers beyond one organization: `/alerts` (of the organizations the actor may read),
  /// `/individuals/{id}` (an individual's own record) and `/catalog`.
  func addFleetRoutes(to group: RouterGroup<LedgerRequestContext>) {
    group.get("alerts") { request, context in
      let principal = try context.signedIn()
      let question = try Question(request, today: today())
      let asked = request.uri.queryParameters.get("org")
      try principal.requireAlerts(of: asked, on: today())
      let reader = try await borrowLog()
      defer { returnLog(reader) }
      let position = try await question.knownAt.resolve(in: reader)
      // As known at the head, the read models answer, brought up to date first (as `ledger
      // alerts` does): a fleet's alerts then cost what is new, not a replay of every
      // organization. At an earlier position the organizations are replayed.
      let log: any EventLog & ReadModelStore
      if try await position == reader.headPosition() {
        log = try await openLogForWriting()
        try await Projector(log: log, catalogs: catalogs).catchUp(through: question.to)
      } else {
        log = reader
      }
      let feed = AlertFeed(log: log, catalogs: catalogs, projector: Projector(log: log, catalogs: catalogs))
      var alerts: [Alert] = []
      do {
        if let asked {
          alerts = try await feed.alerts(org: asked, from: question.from, through: question.to, knownAt: position)
        } else if principal.readsEveryOrganization {
          alerts = try await feed.alerts(from: question.from, through: question.to, knownAt: position)
        } else {
          // Each organization's alerts in delivery order, merged by day then organization; the
          // index keeps one organization's alerts of one day in their order (`sort` is not stable).
          var merged: [(alert: Alert, index: Int)] = []
          for org in principal.administeredOrganizations.sorted() {
            let own = try await feed.alerts(org: org, from: question.from, through: question.to, knownAt: position)
            merged += own.enumerated().map { ($1, $0) }
          }
          alerts = merged.sorted {
            ($0.alert.effective, $0.alert.org, $0.index) < ($1.alert.effective, $1.alert.org, $1.index)
          }
          .map(\.alert)
        }
      } catch let unknown as UnknownOrganization {
        throw Problem.notFound("\(unknown)")
      }
      let ground = try await AnswerGround(log: log, position: position)
      return Response.json(.object([("alerts", .array(alerts.map { ground.adding(to: AlertDocument.json($0)) }))]))
    }
    group.get("individuals/:individual") { request, context in
      let principal = try context.signedIn()
      let individual = try context.pathParameter("individual")
      let question = try Question(request, today: today())
      let log = try await borrowLog()
      defer { returnLog(log) }
      let position = try await question.knownAt.resolve(in: log)
      let events = try await log.events(in: .individual(individual), knownAt: position)
      let record = IndividualRecord(individual: individual, events: events, asOf: question.asOf)
      // Who may read it depends on the link, so the refusal comes before the "no such" answer.
      guard principal.mayRead(individual: individual, linkedTo: record.link?.org) else {
        throw Problem.forbidden("\(principal.actor) may not read \(individual)'s record.")
      }
      guard !events.isEmpty else {
        throw Problem.notFound("no event names individual \"\(individual)\" (as known at position \(position))")
      }
      let ground = try await AnswerGround(log: log, position: position)
      return Response.json(ground.adding(to: IndividualDocument.json(record)))
    }
    group.get("catalog") { request, context in
      _ = try context.signedIn()
      let question = try Question(request, today: today())
      return Response.json(CatalogDocument.json(catalogs.catalog(on: question.asOf), asOf: question.asOf))
    }
  }
}
