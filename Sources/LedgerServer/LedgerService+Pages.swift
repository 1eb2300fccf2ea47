import Foundation
import Hummingbird
import LedgerCatalog
import LedgerCommands
import LedgerCore
import LedgerPresentation
import LedgerQueries
import LedgerStorage
import Projections

extension LedgerService {
  /// The web pages under `/ui`: sign-in with a token (a session cookie), the organizations the
  /// actor may read, an organization's page with its timeline, the history table, the
  /// explain view, and the "Schedule audit" form. Every form carries the session's CSRF token.
  func addPageRoutes(to router: Router<LedgerRequestContext>) {
    router.get("ui/login") { _, _ in Self.html(LoginPage.html(problem: nil)) }
    router.post("ui/login") { request, _ in
      let form = try await FormFields(request)
      do {
        _ = try await principal(bearing: form["token"] ?? "")
      } catch let problem as Problem {
        return Self.html(LoginPage.html(problem: problem.detail), status: .unauthorized)
      }
      let id = await sessions.open(token: form["token"]!)
      var response = Self.redirect(to: "/ui")
      response.setCookie(
        Cookie(name: Self.sessionCookie, value: id, path: "/ui", secure: false, httpOnly: true, sameSite: .strict))
      return response
    }
    router.post("ui/logout") { request, context in
      try await page(request, form: try await FormFields(request)) { principal, session, id in
        await sessions.close(id)
        var response = Self.redirect(to: "/ui/login")
        response.setCookie(
          Cookie(name: Self.sessionCookie, value: "", maxAge: 0, path: "/ui", httpOnly: true, sameSite: .strict))
        return response
      }
    }
    router.get("ui") { request, _ in
      try await page(request) { principal, session, _ in
        let log = try await borrowLog()
        defer { returnLog(log) }
        let organizations = try await log.organizations().filter(principal.mayRead)
        return Self.html(IndexPage.html(organizations: organizations, actor: principal.actor, csrf: session.csrf))
      }
    }
    router.get("ui/organizations/:org") { request, context in
      try await organizationPage(request, context) { principal, session, org, question, query, position, head in
        let timeline = try await query.timeline(of: org, knownAt: position)
        let catalog = catalogs.catalog(on: question.asOf)
        let names = Dictionary(uniqueKeysWithValues: catalog.competencies.map { ($0.id, $0.name) })
        let restated =
          position < head
          ? try await query.restatements(of: org, since: position, knownAt: head, from: nil, through: question.asOf)
            .restatements : []
        let page = OrganizationPage(
          status: timeline.status(asOf: question.asOf), profile: timeline.profile(asOf: question.asOf),
          catalog: catalog,
          timeline: TimelinePicture(
            history: timeline.history(through: question.asOf), through: question.asOf, restatements: restated,
            names: names),
          knownAt: position, head: head, mayScheduleAudits: principal.administeredOrganizations.contains(org),
          schedulingDay: today(), csrf: session.csrf)
        return page.html(actor: principal.actor)
      }
    }
    router.get("ui/organizations/:org/history") { request, context in
      try await organizationPage(request, context) { principal, session, org, question, query, position, _ in
        let entries = try await query.history(of: org, from: question.from, through: question.to, knownAt: position)
        return HistoryPage.html(
          org: org, entries: entries, knownAt: position, actor: principal.actor, csrf: session.csrf)
      }
    }
    router.get("ui/organizations/:org/explain/:id") { request, context in
      let id = try context.pathParameter("id")
      return try await organizationPage(request, context) { principal, session, org, question, query, position, _ in
        guard let explanation = try await query.timeline(of: org, knownAt: position).explain(id, asOf: question.asOf)
        else { throw Problem.notFound("\"\(id)\" is neither a competency nor a specialization on \(question.asOf)") }
        return ExplanationPage.html(
          explanation, org: org, knownAt: position, actor: principal.actor, csrf: session.csrf)
      }
    }
    router.post("ui/organizations/:org/schedule-audit") { request, context in
      let org = try context.pathParameter("org")
      let form = try await FormFields(request)
      return try await page(request, form: form) { principal, session, _ in
        let log = try await openLogForWriting()
        do {
          _ = try await CommandHandler(log: log, catalogs: catalogs).execute(
            .scheduleAudit(org: org, specialization: form["specialization"] ?? ""), by: principal.actor, on: today())
        } catch let refusal as CommandRefusal {
          throw Problem(refusal)
        }
        return Self.redirect(to: "/ui/organizations/\(HTML.pathSegment(org))")
      }
    }
  }

  /// Answers a page of the organization of the path for the signed-in actor who may read it.
  private func organizationPage(
    _ request: Request, _ context: LedgerRequestContext,
    _ body: (Principal, SessionStore.Session, String, Question, OrganizationQuery, Int64, Int64) async throws -> String
  ) async throws -> Response {
    let org = try context.pathParameter("org")
    return try await page(request) { principal, session, _ in
      try principal.requireRead(org, on: today())
      let question = try Question(request, today: today())
      let log = try await borrowLog()
      defer { returnLog(log) }
      let position = try await question.knownAt.resolve(in: log)
      let query = OrganizationQuery(log: log, catalogs: catalogs)
      do {
        return Self.html(try await body(principal, session, org, question, query, position, try log.headPosition()))
      } catch let unknown as UnknownOrganization {
        throw Problem.notFound("\(unknown)")
      }
    }
  }

  /// Runs `body` for the request's session (a posted `form` must carry its CSRF token);
  /// without one, sends the browser to the sign-in page. A problem is shown as a page.
  private func page(
    _ request: Request, form: FormFields? = nil,
    _ body: (Principal, SessionStore.Session, String) async throws -> Response
  ) async throws -> Response {
    guard let id = request.cookies[Self.sessionCookie]?.value, let session = await sessions.session(id) else {
      return Self.redirect(to: "/ui/login")
    }
    let principal: Principal
    do {
      principal = try await self.principal(bearing: session.token)
    } catch {
      await sessions.close(id)
      return Self.redirect(to: "/ui/login")
    }
    do {
      if let form {
        guard let sent = form["csrf"], sent == session.csrf else {
          throw Problem.forbidden("The form did not carry this session's CSRF token.")
        }
      }
      return try await body(principal, session, id)
    } catch let problem as Problem {
      let page = HTML.page(
        title: problem.title, actor: principal.actor, csrf: session.csrf,
        body:
          "<h1>\(HTML.escape(problem.title))</h1><p class=\"alert\" role=\"alert\">\(HTML.escape(problem.detail))</p>")
      return Self.html(page, status: problem.status)
    }
  }

  /// The name of the session cookie.
  static let sessionCookie = "ledger_session"

  static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(
      status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
      body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
  }

  static func redirect(to location: String) -> Response {
    Response(status: .seeOther, headers: [.location: location])
  }
}
