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
      let log = try borrowLog()
      defer { returnLog(log) }
      let position = try await question.knownAt.resolve(in: log)
      let feed = AlertFeed(log: log, catalogs: catalogs, projector: Projector(log: log, catalogs: catalogs))
      var alerts: [Alert] = []
      do {
        if let asked {
          alerts = try await feed.alerts(org: asked, from: question.from, through: question.to, knownAt: position)
        } else if principal.readsEveryOrganization {
          alerts = try await feed.alerts(from: question.from, through: question.to, knownAt: position)
        } else {
          for org in principal.administeredOrganizations.sorted() {
            alerts += try await feed.alerts(org: org, from: question.from, through: question.to, knownAt: position)
          }
          alerts.sort { ($0.effective, $0.org) < ($1.effective, $1.org) }
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
      let log = try borrowLog()
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
