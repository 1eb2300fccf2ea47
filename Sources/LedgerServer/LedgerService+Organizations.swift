import Hummingbird
import LedgerCatalog
import LedgerCore
import LedgerPresentation
import LedgerQueries
import LedgerStorage
import Projections

extension LedgerService {
  /// One organization's answers, each the JSON document of the CLI's `--json`:
  /// `/organizations/{org}/status`, `/profile`, `/history`, `/explain/{id}` and `/acr`.
  func addOrganizationRoutes(to group: RouterGroup<LedgerRequestContext>) {
    group.get("organizations/:org/status") { request, context in
      try await answer(request, context, tagged: true) { query, org, question, position, ground in
        let status = try await query.status(of: org, asOf: question.asOf, knownAt: position)
        return ground.adding(to: StatusDocument.json(status, knownAtPosition: position))
      }
    }
    group.get("organizations/:org/profile") { request, context in
      try await answer(request, context) { query, org, question, position, ground in
        let profile = try await query.profile(of: org, asOf: question.asOf, knownAt: position)
        return ground.adding(to: ProfileDocument.json(profile))
      }
    }
    group.get("organizations/:org/history") { request, context in
      try await answer(request, context) { query, org, question, position, ground in
        let entries = try await query.history(of: org, from: question.from, through: question.to, knownAt: position)
        return ground.adding(
          to: .object([("entries", .array(entries.map { HistoryDocument.json($0) })), ("org", .string(org))]))
      }
    }
    group.get("organizations/:org/explain/:id") { request, context in
      let id = try context.pathParameter("id")
      return try await answer(request, context) { query, org, question, position, ground in
        guard let explanation = try await query.timeline(of: org, knownAt: position).explain(id, asOf: question.asOf)
        else { throw Problem.notFound("\"\(id)\" is neither a competency nor a specialization on \(question.asOf)") }
        return ground.adding(to: ExplanationDocument.json(explanation, org: org, knownAtPosition: position))
      }
    }
    group.get("organizations/:org/acr") { request, context in
      let specialization = request.uri.queryParameters.get("specialization")
      return try await answer(request, context) { query, org, question, position, _ in
        if let specialization, query.catalogs.catalog(on: question.asOf).specialization(specialization) == nil {
          throw Problem.notFound("unknown specialization \"\(specialization)\" on \(question.asOf)")
        }
        let report = try await query.timeline(of: org, knownAt: position)
          .consumptionReport(asOf: question.asOf, specialization: specialization)
        return ConsumptionDocument.json(report, org: org, knownAtPosition: position)
      }
    }
  }

  /// Checks that the signed-in actor may read the organization of the path, reads the
  /// question, and answers with `body`'s document; an organization no event names is a 404.
  /// A `tagged` answer carries the version of the organization's stream as its `ETag`, for
  /// the `If-Match` of a command that writes to it.
  private func answer(
    _ request: Request, _ context: LedgerRequestContext, tagged: Bool = false,
    _ body: (OrganizationQuery, String, Question, Int64, AnswerGround) async throws -> JSONValue
  ) async throws -> Response {
    let principal = try context.signedIn()
    let org = try context.pathParameter("org")
    try principal.requireRead(org, on: today())
    let question = try Question(request, today: today())
    let log = try await borrowLog()
    defer { returnLog(log) }
    let query = OrganizationQuery(log: log, catalogs: catalogs)
    let head = try await log.headPosition()
    let position = try await question.knownAt.resolve(in: log)
    // Everything the answer depends on; the specialization parameter is the ACR route's.
    let key = [
      request.uri.path, "\(question.asOf)", question.from.map(\.description) ?? "", "\(question.to)",
      request.uri.queryParameters.get("specialization") ?? "", "\(position)", "\(head)",
    ].joined(separator: "|")
    if let kept = answers.value(for: key) { return Self.response(kept) }
    do {
      let document = try await body(
        query, org, question, position, try await AnswerGround(log: log, position: position))
      let answer = (
        document: document.canonicalBytes, tag: tagged ? "\"\(try await log.version(of: .organization(org)))\"" : nil
      )
      answers.insert(answer, for: key)
      return Self.response(answer)
    } catch let unknown as UnknownOrganization {
      throw Problem.notFound("\(unknown)")
    }
  }

  private static func response(_ answer: (document: [UInt8], tag: String?)) -> Response {
    var response = Response(
      status: .ok, headers: [.contentType: "application/json"],
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.document)))
    if let tag = answer.tag { response.headers[.eTag] = tag }
    return response
  }
}
