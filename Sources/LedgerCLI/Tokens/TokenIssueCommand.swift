import ArgumentParser
import Foundation
import LedgerCommands
import LedgerCore

/// `ledger token issue ACTOR`: prints a new bearer token once and records only its digest.
struct TokenIssueCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "issue",
    abstract: "Issue a bearer token to an actor; it is printed once, and only its digest is kept.",
    discussion: Help.text(
      """
      The token signs the actor in until the day it expires (by default 90 days after today, UTC) \
      or until it is revoked. Store it at once: the ledger cannot show it again.
      """, example: "ledger token issue admin-contoso --expires 2027-03-01", exits: Help.gatedExits))

  @OptionGroup var database: DatabaseOptions

  @Argument(help: "The actor the token signs in.") var subject: String

  @Option(
    help: "The first day the token is refused (YYYY-MM-DD); default: 90 days after today (UTC).",
    transform: CivilDate.init(parsing:))
  var expires: CivilDate?

  @Flag(help: "Print the token, its id, actor and expiry as one JSON object.")
  var json = false

  /// How long a token lasts when `--expires` is not given.
  static let defaultLifetimeDays = 90

  func run() async throws {
    try await reportingFailures {
      let today = Today.date()
      let subject: String
      do {
        subject = try CanonicalText.canonical(self.subject, field: "actor", kind: .identifier)
      } catch let invalid as EventValidationError {
        throw CommandFailure(status: .dataError, lines: [invalid.reason])
      }
      let token = BearerToken.generate(for: subject)
      let expiry = expires ?? today.adding(days: Self.defaultLifetimeDays)
      let log = try await database.openLogForWriting()
      let receipt = try await CommandOptions.execute(
        .issueToken(subject: subject, token: token.id, digest: token.digest, expires: expiry),
        by: CommandHandler.systemActor, on: today, json: json, log: log, database: database)
      let position = receipt.appended.first?.position ?? 0
      if json {
        let document = JSONValue.object([
          ("actor", .string(subject)), ("expires", .string(expiry.description)), ("id", .string(token.id)),
          ("position", .number(Decimal(position))), ("token", .string(token.text)),
        ])
        print(String(decoding: document.canonicalBytes, as: UTF8.self))
      } else {
        print(token.text)
        print(
          "token \(token.id) for \(subject), refused from \(expiry) (position \(position)); shown once: only its digest is kept"
        )
      }
    }
  }
}
