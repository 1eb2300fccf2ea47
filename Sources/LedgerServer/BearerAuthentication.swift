import Hummingbird
import LedgerCommands
import LedgerCore
import LedgerStorage
import Logging
import Projections

/// Signs a request in from its `Authorization: Bearer` token (see
/// ``LedgerService/principal(bearing:)``); anything else is a 401.
struct BearerAuthentication: RouterMiddleware {
  typealias Context = LedgerRequestContext
  let service: LedgerService

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    guard let header = request.headers[.authorization] else {
      throw Problem.unauthorized("Send a bearer token (Authorization: Bearer …); `ledger token issue` makes one.")
    }
    guard header.hasPrefix("Bearer ") else {
      throw Problem.unauthorized("The Authorization header does not hold a ledger bearer token.")
    }
    var context = context
    context.principal = try await service.principal(bearing: String(header.dropFirst("Bearer ".count)))
    // Who acted, and with which token: a log line names both, never the secret.
    context.logger[metadataKey: "actor"] = .string(context.principal!.actor)
    context.logger[metadataKey: "token"] = .string(context.principal!.token)
    return try await next(request, context)
  }
}

extension LedgerService {
  /// Who `text` signs in: the token names its actor, the actor's stream holds the token's
  /// digest (issued, not revoked, not expired today) and the actor's roles. Nothing is read
  /// beyond that one stream.
  /// - Throws: a 401 ``Problem`` for text that is not a token the ledger admits today.
  func principal(bearing text: String) async throws -> Principal {
    guard let token = BearerToken(parsing: text) else {
      throw Problem.unauthorized("That is not a ledger bearer token.")
    }
    guard token.actor != CommandHandler.systemActor else {
      throw Problem.unauthorized("The system never signs in over HTTP.")
    }
    let today = today()
    let log = try await borrowLog()
    defer { returnLog(log) }
    let head = try await log.headPosition()
    // Tokens and roles change only by events: a new one moves the head, and the key with it.
    let key = "\(text)|\(head)|\(today)"
    if let known = principals.value(for: key) { return known }
    let events = try await log.events(in: .actor(token.actor), knownAt: head)
    guard
      let admitted = TokenBook(actor: token.actor, events: events, on: today).admits(digest: token.digest, on: today)
    else { throw Problem.unauthorized("The token is unknown, revoked or expired.") }
    let principal = Principal(
      actor: token.actor, token: admitted.id, roles: RoleBook(actor: token.actor, events: events, on: today))
    principals.insert(principal, for: key)
    return principal
  }
}
