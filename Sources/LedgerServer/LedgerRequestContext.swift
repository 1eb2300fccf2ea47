import Foundation
public import Hummingbird

/// A request's context: Hummingbird's own, plus who signed in.
public struct LedgerRequestContext: RequestContext {
  public var coreContext: CoreRequestContextStorage
  /// The signed-in actor, set by ``BearerAuthentication``.
  public var principal: Principal?

  public init(source: Source) {
    coreContext = .init(source: source)
  }

  /// The signed-in actor.
  /// - Throws: a 401 ``Problem`` when nobody signed in (a route outside the authenticated group).
  func signedIn() throws -> Principal {
    guard let principal else { throw Problem.unauthorized("Send a bearer token (Authorization: Bearer …).") }
    return principal
  }

  /// The path parameter `name`, percent-decoded: ids may hold spaces, slashes and any
  /// character, which a client sends encoded (`acme%20eu%2Fwest`).
  /// - Throws: a 400 ``Problem`` for an encoding that does not decode.
  func pathParameter(_ name: String) throws -> String {
    let raw = try parameters.require(name)
    guard let decoded = raw.removingPercentEncoding else {
      throw Problem.badRequest("\(name) \(raw): not a percent-encoded path segment")
    }
    return decoded
  }
}
