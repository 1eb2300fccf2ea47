import ArgumentParser
import LedgerCore
import LedgerPresentation
import LedgerQueries
import Projections

/// `ledger explain ORG ID`: requirement by requirement, met or not, and what counts.
struct ExplainCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Explain a competency or specialization requirement by requirement, with what counts.",
    discussion: Help.text(
      "Names the individuals, credentials, figures and events behind each requirement.",
      example: "ledger explain contoso cloud-platform --as-of 2020-07-01", exits: Help.queryExits)
  )

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var query: QueryOptions

  @Argument(help: "The organization's id.")
  var org: String

  @Argument(help: "A competency or specialization id (see `ledger catalog`).")
  var id: String

  @Flag(help: "Print one JSON document.")
  var json = false

  func run() async throws {
    try await reportingFailures {
      try await query.run(on: database) { organizations, asOf, position in
        let timeline = try await organizations.timeline(of: org, knownAt: position)
        guard let explanation = timeline.explain(id, asOf: asOf) else {
          throw CommandFailure(
            status: .usage, lines: ["\"\(id)\" is neither a competency nor a specialization on \(asOf)"])
        }
        if json {
          let ground = try await AnswerGround(log: organizations.log, position: position)
          let document = ground.adding(
            to: ExplanationDocument.json(explanation, org: org, knownAtPosition: position))
          print(String(decoding: document.canonicalBytes, as: UTF8.self))
        } else {
          print(ExplanationDocument.text(explanation))
        }
      }
    }
  }
}
