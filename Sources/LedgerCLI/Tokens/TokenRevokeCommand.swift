import ArgumentParser
import Foundation
import LedgerCommands
import LedgerCore

/// `ledger token revoke ACTOR TOKEN-ID`: the server refuses the token from now on.
struct TokenRevokeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "revoke", abstract: "Revoke one of an actor's bearer tokens by its id.",
    discussion: Help.text(
      "The server refuses the token on its next request.",
      example: "ledger token revoke admin-contoso 3f9a0c1d2e4b5a69",
      exits: Help.gatedExits))

  @OptionGroup var database: DatabaseOptions

  @Argument(help: "The actor the token signs in.") var subject: String
  @Argument(help: "The token's id (as `token issue` printed it).") var token: String

  @Flag(help: "Print the event recorded, or the refusal, as one JSON object.")
  var json = false

  func run() async throws {
    try await reportingFailures {
      let log = try await database.openLogForWriting()
      let receipt = try await CommandOptions.execute(
        .revokeToken(subject: subject, token: token), by: CommandHandler.systemActor, on: Today.date(), json: json,
        log: log, database: database)
      let position = receipt.appended.first?.position ?? 0
      print(
        json
          ? String(
            decoding: JSONValue.object([("revoked", .string(token)), ("position", .number(Decimal(position)))])
              .canonicalBytes, as: UTF8.self)
          : "revoked: token \(token) of \(subject) (position \(position))")
    }
  }
}
