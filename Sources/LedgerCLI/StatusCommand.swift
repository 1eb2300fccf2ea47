import ArgumentParser
import LedgerCore
import LedgerPresentation
import LedgerQueries
import Projections

/// `ledger status ORG`: competencies, membership, display, specializations and open alerts.
struct StatusCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Show an organization's competencies, membership, profile display, specializations and open alerts.",
    discussion: Help.text(
      """
      The answer is the state on the as-of date computed only from events recorded up to the \
      known-at point, minus events voided by corrections recorded by then. The same question \
      always gets the same answer. As known at the head, a ledger whose read models are kept \
      (see `ledger project`) answers from them, brought up to date first.
      """, example: "ledger status contoso --as-of 2021-03-31 --known-at 2021-04-01 --json", exits: Help.queryExits)
  )

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var query: QueryOptions

  @Argument(help: "The organization's id.")
  var org: String

  @Flag(help: "Print one JSON document.")
  var json = false

  func run() async throws {
    try await reportingFailures {
      try await query.run(on: database, catchingUp: true) { organizations, asOf, position in
        let status = try await organizations.status(of: org, asOf: asOf, knownAt: position)
        if json {
          let ground = try await AnswerGround(log: organizations.log, position: position)
          let document = ground.adding(to: StatusDocument.json(status, knownAtPosition: position))
          print(String(decoding: document.canonicalBytes, as: UTF8.self))
        } else {
          print(StatusDocument.text(status, knownAtPosition: position))
        }
      }
    }
  }
}
