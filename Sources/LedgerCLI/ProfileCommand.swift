import ArgumentParser
import LedgerCore
import LedgerPresentation
import LedgerQueries
import Projections

/// `ledger profile ORG`: the business profile as customers see it.
struct ProfileCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "profile",
    abstract: "Show the business profile as customers see it: membership, competencies shown, specialization tags.",
    discussion: Help.text(
      """
      The membership level, each competency the profile displays at Silver or Gold (shown to \
      the end of the term and its renewal window, as the program keeps it), and a tag for each \
      active advanced specialization, each with the day it has been shown since.
      """, example: "ledger profile contoso --as-of 2021-06-30 --json", exits: Help.queryExits)
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
        let profile = try await organizations.profile(of: org, asOf: asOf, knownAt: position)
        if json {
          let ground = try await AnswerGround(log: organizations.log, position: position)
          print(String(decoding: ground.adding(to: ProfileDocument.json(profile)).canonicalBytes, as: UTF8.self))
        } else {
          print(ProfileDocument.text(profile))
        }
      }
    }
  }
}
