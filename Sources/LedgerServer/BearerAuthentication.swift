import Hummingbird
import LedgerCommands
import LedgerCore
import LedgerStorage
import Logging
import Projections

/// Signs a request in from its `Authorization: Bearer` token: the token names its actor, the
/// actor's stream holds the token's digest (issued, not revoked, not expired today) and the
/// actor's roles. Anything else is a 401, and nothing is read beyond that one stream.
struct BearerAuthentication: RouterMiddleware {
  typealias Context = LedgerRequestContext
  let service: LedgerService

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    guard let header = request.headers[.authorization] else {
      throw Problem.unauthorized("Send a bearer token (Authorization: Bearer …); `ledger token issue` makes one.")
    }
    guard header.hasPrefix("Bearer "), let token = BearerToken(parsing: String(header.dropFirst("Bearer ".count)))
    else { throw Problem.unauthorized("The Authorization header does not hold a ledger bearer token.") }
    guard token.actor != CommandHandler.systemActor else {
      throw Problem.unauthorized("The system never signs in over HTTP.")
    }
    let today = service.today()
    let log = try service.openLog()
    let events = try await log.events(in: .actor(token.actor), knownAt: try await log.headPosition())
    guard
      let admitted = TokenBook(actor: token.actor, events: events, on: today).admits(digest: token.digest, on: today)
    else { throw Problem.unauthorized("The token is unknown, revoked or expired.") }
    var context = context
    context.principal = Principal(
      actor: token.actor, token: admitted.id, roles: RoleBook(actor: token.actor, events: events, on: today))
    context.logger[metadataKey: "actor"] = .string(token.actor)
    return try await next(request, context)
  }
}
