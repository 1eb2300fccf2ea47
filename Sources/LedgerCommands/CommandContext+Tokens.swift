import LedgerCore
import Projections

extension CommandContext {
  /// A token is issued by the system (the operator at the ledger's own file) to anyone but
  /// the system itself, which never signs in over HTTP.
  func decideTokenIssue(subject: String, token: String, digest: String, expires: CivilDate?) async throws -> Decision {
    try requireSystem(to: "issue bearer tokens")
    guard subject != CommandHandler.systemActor else {
      throw CommandRefusal("No token is issued to the system: it acts only at the ledger's own file, never over HTTP.")
    }
    if let expires, expires <= date {
      throw CommandRefusal("A token must expire after the day it is issued (\(date)); --expires \(expires) is not.")
    }
    guard try await tokens(of: subject).tokens[token] == nil else {
      throw CommandRefusal("\(subject) already has a token \(token).")
    }
    return Decision(
      event: .tokenIssued(TokenIssued(subject: subject, token: token, digest: digest, expires: expires)), role: .system)
  }

  /// A token is revoked by the system; only an issued, unrevoked token can be.
  func decideTokenRevocation(subject: String, token: String) async throws -> Decision {
    try requireSystem(to: "revoke bearer tokens")
    guard let held = try await tokens(of: subject).tokens[token] else {
      throw CommandRefusal("\(subject) has no token \(token).")
    }
    guard !held.revoked else { throw CommandRefusal("\(subject)'s token \(token) is already revoked.") }
    return Decision(event: .tokenRevoked(TokenRevoked(subject: subject, token: token)), role: .system)
  }

  private func requireSystem(to action: String) throws {
    guard actor == CommandHandler.systemActor else {
      throw CommandRefusal.role("Only the system may \(action); \(actor) may not.")
    }
  }

  private func tokens(of subject: String) async throws -> TokenBook {
    TokenBook(actor: subject, events: try await log.events(in: .actor(subject), knownAt: head), on: date)
  }
}
