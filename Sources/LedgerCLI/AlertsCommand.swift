import ArgumentParser
import LedgerCore
import LedgerPresentation
import LedgerQueries
import LedgerStorage
import Projections

/// `ledger alerts`: renewal-at-risk alerts raised and cleared, and renewal reminders.
struct AlertsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "alerts",
    abstract: "List renewal-at-risk alerts raised and cleared, and renewal reminders, with their causes.",
    discussion: Help.text(
      """
      In delivery order: effective date, organization, then the order the replay produced \
      them. Each alert has a stable id derived from its content, which `ledger notify` sends \
      as the idempotency key. As known at the head, the answer comes from the read models, \
      brought up to date first (see `ledger project`); at an earlier position, or on a \
      database opened read-only, every organization is replayed.
      """, example: "ledger alerts --org contoso --from 2021-01-01 --to 2021-12-31 --json", exits: Help.queryExits)
  )

  @OptionGroup var database: DatabaseOptions
  @OptionGroup var period: PeriodOptions
  @OptionGroup var knownAt: KnownAtOptions

  @Option(help: "Only this organization's alerts.")
  var org: String?

  @Flag(help: "Print NDJSON, one object per alert.")
  var json = false

  func run() async throws {
    try await reportingFailures {
      let catalogs = try BundledCatalog.load()
      let log: any EventLog & ReadModelStore =
        database.isServer ? try await database.openKeeper() : try database.openForAnswering()
      let projector = Projector(log: log, catalogs: catalogs)
      let feed = AlertFeed(log: log, catalogs: catalogs, projector: projector)
      let alerts: [Alert]
      let position = try await knownAt.point().resolve(in: log)
      do {
        // As known at the head, the read models answer, brought up to date first.
        if log.keepsReadModels, try await position == log.headPosition() {
          try await projector.catchUp(through: period.end)
        }
        alerts = try await feed.alerts(org: org, from: period.start, through: period.end, knownAt: position)
      } catch let unknown as UnknownOrganization {
        throw CommandFailure(status: .dataError, lines: ["\(unknown)"])
      }
      var output = OutputBuffer()
      // Each line also names its ground; the alert a sink receives (and its id) does not.
      let ground = await json ? try AnswerGround(log: log, position: position) : nil
      for alert in alerts {
        if let ground {
          output.write(bytes: ground.adding(to: AlertDocument.json(alert)).canonicalBytes)
          output.write("\n")
        } else {
          output.write(AlertDocument.text(alert))
        }
      }
      output.flush()
    }
  }

}
