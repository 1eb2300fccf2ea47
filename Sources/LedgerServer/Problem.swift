import Foundation
public import Hummingbird
import LedgerCommands
import LedgerCore

/// An error answered as an RFC 9457 problem document (`application/problem+json`): the
/// status, a title naming the kind of problem, and a detail in the program's words.
public struct Problem: HTTPResponseError, CustomStringConvertible {
  /// The HTTP status.
  public let status: HTTPResponse.Status
  /// What kind of problem it is, the same for every occurrence.
  public let title: String
  /// This occurrence, in words a user can act on.
  public let detail: String

  /// Creates a problem.
  public init(_ status: HTTPResponse.Status, _ title: String, detail: String) {
    self.status = status
    self.title = title
    self.detail = detail
  }

  /// A refused command: 403 when the actor's roles refused it, 409 when a gate of the
  /// program did, in the program's words.
  init(_ refusal: CommandRefusal) {
    if refusal.isAboutRole {
      self = .forbidden(refusal.message)
    } else {
      self.init(.conflict, "Refused by the program", detail: refusal.message)
    }
  }

  public var description: String { "\(status.code) \(title): \(detail)" }

  /// The problem document, with `WWW-Authenticate` on a 401 so a client knows to send a token.
  public func response(from request: Request, context: some RequestContext) throws -> Response {
    let document = JSONValue.object([
      ("detail", .string(detail)), ("status", .number(Decimal(Int(status.code)))), ("title", .string(title)),
      ("type", .string("about:blank")),
    ])
    var headers: HTTPFields = [.contentType: "application/problem+json"]
    if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"ledger\"" }
    return Response(
      status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: document.canonicalBytes)))
  }

  /// No token, or one the ledger does not admit.
  static func unauthorized(_ detail: String) -> Problem { Problem(.unauthorized, "Not signed in", detail: detail) }

  /// The signed-in actor may not see or do this.
  static func forbidden(_ detail: String) -> Problem { Problem(.forbidden, "Not allowed", detail: detail) }

  /// A query parameter the ledger cannot read.
  static func badRequest(_ detail: String) -> Problem { Problem(.badRequest, "Bad request", detail: detail) }

  /// Nothing in the ledger answers to the name.
  static func notFound(_ detail: String) -> Problem { Problem(.notFound, "Not found", detail: detail) }
}
