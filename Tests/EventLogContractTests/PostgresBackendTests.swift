import Foundation
import LedgerCore
import LedgerPostgres
import LedgerTestSupport
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// What the PostgreSQL backend promises beyond the log contract: append-only twice (a trigger
/// and the application role's privileges), a database that is not a ledger left untouched,
/// several `ledger` processes on one log, and a copy to and from SQLite that proves itself.
@Suite(.enabled(if: TestPostgres.isConfigured || TestPostgres.isRequired, TestPostgres.absence))
struct PostgresBackendTests {
  private static func enrolments(_ count: Int, prefix: String) -> String {
    (0..<count).map {
      #"{"id":"\#(prefix)-\#($0)","type":"OrganizationEnrolled","effective":"2021-01-01","org":"\#(prefix)-\#($0)","name":"N"}"#
    }.joined(separator: "\n") + "\n"
  }

  @Test func theOwnerCannotChangeOrRemoveARecordedEvent() async throws {
    let location = try await TestPostgres.freshDatabase()
    let log = try await PostgresEventLog.connect(to: location)
    _ = try await log.append(Samples.enrolments(3, prefix: "o"))
    for statement in [
      "UPDATE events SET reason = 'rewritten'", "DELETE FROM events", "TRUNCATE events CASCADE",
      "DELETE FROM org_streams", "UPDATE merkle_tiles SET level = 0", "DELETE FROM ledger_schema",
    ] {
      let error = await #expect(throws: (any Error).self, "\(statement)") {
        try await TestPostgres.run(statement, on: location)
      }
      #expect(String(describing: error.map(TestPostgres.serverMessage) ?? "").contains("append-only"), "\(statement)")
    }
    #expect(try await log.headPosition() == 3)
    #expect(try await log.verify().isIntact)
  }

  /// An owner who disables the trigger can rewrite a row, or drop a tree node; `verify` then
  /// names the position.
  @Test(arguments: [
    ("UPDATE events SET reason = 'rewritten' WHERE position = 300", "events", Int64(300)),
    ("DELETE FROM merkle_tiles WHERE level = 8 AND idx = 0", "merkle_tiles", Int64(600)),
    ("DELETE FROM org_streams WHERE org = 'v-5'", "org_streams", Int64(6)),
  ])
  func verifyNamesWhatAnOwnerChangedBehindTheTriggers(change: String, table: String, position: Int64) async throws {
    let location = try await TestPostgres.freshDatabase()
    let log = try await PostgresEventLog.connect(to: location)
    _ = try await log.append(Samples.enrolments(600, prefix: "v"))
    #expect(try await log.verify().isIntact)
    try await TestPostgres.run("ALTER TABLE \(table) DISABLE TRIGGER \(table)_append_only", on: location)
    try await TestPostgres.run(change, on: location)
    try await TestPostgres.run("ALTER TABLE \(table) ENABLE TRIGGER \(table)_append_only", on: location)
    let result = try await PostgresEventLog.connect(readingAt: location).verify()
    #expect(!result.isIntact)
    #expect(result.firstMismatch?.position == position, "\(String(describing: result.firstMismatch))")
  }

  @Test func theApplicationRoleMayOnlyReadAndInsert() async throws {
    let owner = try await TestPostgres.freshDatabase()
    let app = owner.user("ledger_app")
    // The application role may not create the schema itself (PostgreSQL 15 grants no CREATE
    // on the public schema): the owner migrates it, granting it SELECT and INSERT.
    await #expect(throws: PostgresFailure.self) { try await PostgresEventLog.connect(to: app) }
    try await PostgresEventLog.migrate(owner, grantingTo: "ledger_app")
    let log = try await PostgresEventLog.connect(to: app)
    let receipt = try await log.append(Samples.enrolments(300, prefix: "a"))
    #expect(receipt.appended.map(\.position) == Array(1...300))
    for statement in ["UPDATE events SET reason = 'x'", "DELETE FROM events", "DELETE FROM merkle_tiles"] {
      let error = await #expect(throws: (any Error).self) { try await TestPostgres.run(statement, on: app) }
      #expect(String(describing: error.map(TestPostgres.serverMessage) ?? "").contains("permission denied"))
    }
    #expect(try await log.verify().isIntact)
  }

  @Test func aDatabaseOfAnotherProgramIsRefusedUntouched() async throws {
    let location = try await TestPostgres.freshDatabase()
    try await TestPostgres.run("CREATE TABLE invoices (id integer)", on: location)
    await #expect(throws: NotALedgerDatabase.self) { try await PostgresEventLog.connect(to: location) }
    await #expect(throws: NotALedgerDatabase.self) { try await PostgresEventLog.connect(readingAt: location) }
    try await TestPostgres.run("SELECT count(*) FROM invoices", on: location)
    await #expect(throws: (any Error).self) { try await TestPostgres.run("SELECT 1 FROM events", on: location) }
  }

  /// `ledger append` killed (SIGKILL) while its rows stream to the server, after the first
  /// megabyte was sent, and just before its commit: nothing lands, the log verifies, and the
  /// same append run again lands whole.
  @Test(arguments: ["append.row:10", "append.row:3000", "append.commit:1"])
  func anAppendKilledBeforeItsCommitLeavesNothing(moment: String) async throws {
    let location = try await TestPostgres.freshDatabase().description
    let directory = TemporaryDirectory()
    let long = String(repeating: "a reason long enough to fill the stream. ", count: 10)
    let lines = (0..<4_000).map {
      #"{"id":"k-\#($0)","type":"OrganizationEnrolled","effective":"2021-01-01","org":"k-\#($0)","name":"N","reason":"\#(long)"}"#
    }
    let file = directory.write("kill.ndjson", lines.joined(separator: "\n") + "\n")
    let killed = try LedgerProcess.run(
      ["append", "--db", location, file], environment: ["LEDGER_CRASH_AT": moment], in: directory)
    #expect(killed.killed)
    let log = try await PostgresEventLog.connect(readingAt: try PostgresLocation(location))
    #expect(try await log.headPosition() == 0)
    #expect(try await log.verify().isIntact)
    #expect(try LedgerProcess.run(["append", "--db", location, file], in: directory).status == 0)
    #expect(try await log.headPosition() == 4_000)
    #expect(try await log.verify().isIntact)
  }

  @Test func fourLedgerProcessesAppendToOneLogWithoutGaps() async throws {
    let location = try await TestPostgres.freshDatabase()
    let directory = TemporaryDirectory()
    let (writers, each) = (4, 150)
    let runs = try (0..<writers).map { writer in
      let file = directory.write("w\(writer).ndjson", Self.enrolments(each, prefix: "w\(writer)"))
      return try LedgerProcess.start(
        ["append", "--db", location.description, "--unchecked", "--actor", "writer-\(writer)", file], in: directory)
    }
    for (process, _, err) in runs {
      process.waitUntilExit()
      #expect(
        process.terminationStatus == 0,
        "\(String(decoding: FileManager.default.contents(atPath: err) ?? Data(), as: UTF8.self))")
    }
    let log = try await PostgresEventLog.connect(readingAt: location)
    var positions: [String: [Int64]] = [:]
    try await log.forEachEntry(from: 1) { entry in
      positions[entry.record.writer ?? "", default: []].append(entry.record.position)
    }
    #expect(positions.values.flatMap { $0 }.sorted() == Array(1...Int64(writers * each)))
    for (writer, run) in positions {
      #expect(run == Array(run[0]..<run[0] + Int64(each)), "\(writer)'s append landed as one run")
    }
    #expect(try await log.verify().isIntact)
  }

  @Test func aCopyToPostgreSQLAndBackKeepsEveryRecordAndAnswer() async throws {
    let directory = TemporaryDirectory()
    let original = directory.file("original.sqlite")
    let back = directory.file("back.sqlite")
    let server = try await TestPostgres.freshDatabase().description
    #expect(try LedgerProcess.run(["demo", "--db", original], in: directory).status == 0)
    let there = try LedgerProcess.run(["copy", original, server, "--json"], in: directory)
    #expect(there.status == 0, "\(there.stderr)")
    #expect(there.stdout.contains(#""intact":true"#))
    #expect(try LedgerProcess.run(["copy", server, back], in: directory).status == 0)

    let again = try LedgerProcess.run(["copy", original, server], in: directory)
    #expect(again.status == 73 && again.stderr.contains("already holds"))

    let logs = try [original, server, back].map {
      try LedgerProcess.run(["log", "--json", "--db", $0], in: directory)
    }
    #expect(logs.allSatisfy { $0.status == 0 } && !logs[0].stdout.isEmpty)
    #expect(logs[1].stdout == logs[0].stdout && logs[2].stdout == logs[0].stdout)
    let verified = try LedgerProcess.run(["verify", "--json", "--db", server], in: directory)
    let local = try LedgerProcess.run(["verify", "--json", "--db", original], in: directory)
    #expect(verified.status == 0 && verified.stdout == local.stdout)
    for question in [
      ["status", "contoso", "--as-of", "2021-03-31", "--json"],
      ["status", "contoso", "--as-of", "2020-07-01", "--known-at-position", "30", "--json"],
      ["explain", "contoso", "cloud-platform", "--as-of", "2020-07-01", "--json"], ["history", "contoso", "--json"],
      ["alerts", "--json"], ["profile", "contoso", "--json"], ["acr", "contoso", "--as-of", "2021-01-01", "--json"],
      ["export-activity", "--json"],
    ] {
      let asked = try LedgerProcess.run(question + ["--db", original], in: directory)
      #expect(asked.status == 0 && !asked.stdout.isEmpty, "\(question[0])")
      for copy in [server, back] {
        let answered = try LedgerProcess.run(question + ["--db", copy], in: directory)
        #expect(answered.stdout == asked.stdout, "\(question[0]) on \(copy)")
      }
    }
  }

  @Test func readModelsAndNotificationsOnPostgreSQLDeliverWhatSQLiteDelivers() async throws {
    let directory = TemporaryDirectory()
    let file = directory.file("demo.sqlite")
    let server = try await TestPostgres.freshDatabase().description
    #expect(try LedgerProcess.run(["demo", "--db", file], in: directory).status == 0)
    #expect(try LedgerProcess.run(["copy", file, server], in: directory).status == 0)
    let projected = try LedgerProcess.run(["project", "--json", "--db", server], in: directory)
    #expect(projected.status == 0, "\(projected.stderr)")
    let notify = ["notify", "--sink", "stdout", "--as-of", "2021-06-01"]
    let there = try LedgerProcess.run(notify + ["--db", server], in: directory)
    let here = try LedgerProcess.run(notify + ["--db", file], in: directory)
    #expect(there.status == 0 && !there.stdout.isEmpty && there.stdout == here.stdout)
    let again = try LedgerProcess.run(notify + ["--db", server], in: directory)
    #expect(again.status == 0 && again.stdout.isEmpty, "every alert was acknowledged the first time")
    let later = try LedgerProcess.run(
      ["notify", "--sink", "stdout", "--as-of", "2022-06-01", "--db", server], in: directory)
    let laterHere = try LedgerProcess.run(
      ["notify", "--sink", "stdout", "--as-of", "2022-06-01", "--db", file], in: directory)
    #expect(!later.stdout.isEmpty && later.stdout == laterHere.stdout, "what fell due since the last pass, only")
  }

  /// The waiter's timeout is an hour and the test's limit ten minutes (generous for a loaded
  /// machine running the whole suite): only the notification of the append can end the wait
  /// in time.
  @Test(.timeLimit(.minutes(10)))
  func aFollowerWakesOnAnAppendFromAnotherConnection() async throws {
    let location = try await TestPostgres.freshDatabase()
    let writer = try await PostgresEventLog.connect(to: location)
    _ = try await writer.append(Samples.enrolments(2, prefix: "before"))
    let waiter = Task {
      let follower = try await PostgresEventLog.connect(readingAt: location)
      // Already past: no wait at all.
      try await follower.waitForAppend(after: 1, timeout: .seconds(3_600))
      try await follower.waitForAppend(after: 2, timeout: .seconds(3_600))
      return try await follower.headPosition()
    }
    try await Task.sleep(for: .milliseconds(200))
    _ = try await writer.append(Samples.enrolments(1, prefix: "after"))
    #expect(try await waiter.value == 3)
  }

  /// An hour's poll against a ten-minute limit, as above.
  @Test(.timeLimit(.minutes(10)))
  func projectFollowingAPostgreSQLLedgerFoldsAnAppendWithoutWaitingForItsPoll() async throws {
    let location = try await TestPostgres.freshDatabase().description
    let directory = TemporaryDirectory()
    let first = directory.write("first.ndjson", Self.enrolments(1, prefix: "first"))
    #expect(try LedgerProcess.run(["append", "--db", location, first], in: directory).status == 0)
    let (follower, out, _) = try LedgerProcess.start(
      ["project", "--follow", "--poll-seconds", "3600", "--db", location], in: directory)
    defer { follower.terminate() }
    func reports() -> [Substring] {
      String(decoding: FileManager.default.contents(atPath: out) ?? Data(), as: UTF8.self).split(separator: "\n")
    }
    while reports().isEmpty { try await Task.sleep(for: .milliseconds(100)) }
    let second = directory.write("second.ndjson", Self.enrolments(1, prefix: "second"))
    #expect(try LedgerProcess.run(["append", "--db", location, second], in: directory).status == 0)
    while reports().count < 2 { try await Task.sleep(for: .milliseconds(100)) }
    #expect(reports()[1].contains("position 2"))
  }

  @Test func standardInputReachesTheProgramThatAppendsToPostgreSQL() async throws {
    let location = try await TestPostgres.freshDatabase().description
    let directory = TemporaryDirectory()
    for environment in [["LEDGER_DB": location], [:]] {
      let arguments = environment.isEmpty ? ["append", "--db", location, "--json"] : ["append", "--json"]
      let prefix = environment.isEmpty ? "flag" : "env"
      let run = try LedgerProcess.run(
        arguments, stdin: Data(Self.enrolments(5, prefix: prefix).utf8), environment: environment, in: directory)
      #expect(run.status == 0 && run.stdout.contains(#""appended":5"#), "\(run.stdout)\(run.stderr)")
    }
    #expect(try await PostgresEventLog.connect(readingAt: try PostgresLocation(location)).headPosition() == 10)
  }

  @Test func fourProjectorsAtOnceFoldEachOrganizationOnce() async throws {
    let location = try await TestPostgres.freshDatabase().description
    let directory = TemporaryDirectory()
    let organizations = 120
    let file = directory.write("orgs.ndjson", Self.enrolments(organizations, prefix: "org"))
    #expect(try LedgerProcess.run(["append", "--db", location, file], in: directory).status == 0)
    let runs = try (0..<4).map { _ in try LedgerProcess.start(["project", "--json", "--db", location], in: directory) }
    var folded = 0
    for (process, out, err) in runs {
      process.waitUntilExit()
      let text = String(decoding: FileManager.default.contents(atPath: out) ?? Data(), as: UTF8.self)
      #expect(
        process.terminationStatus == 0,
        "\(String(decoding: FileManager.default.contents(atPath: err) ?? Data(), as: UTF8.self))")
      let report = try JSONParser.parse(Array(text.utf8))
      if case .number(let count) = report["organizations"] { folded += NSDecimalNumber(decimal: count).intValue }
    }
    #expect(folded == organizations, "the projectors took turns: the later ones found the work done")
    let alerts = try LedgerProcess.run(["alerts", "--json", "--db", location], in: directory)
    #expect(alerts.status == 0)
  }

  @Test func statusFromTheReadModelsOnPostgreSQLAnswersAsTheReplayOnSQLite() async throws {
    let directory = TemporaryDirectory()
    let file = directory.file("demo.sqlite")
    let server = try await TestPostgres.freshDatabase()
    #expect(try LedgerProcess.run(["demo", "--db", file], in: directory).status == 0)
    #expect(try LedgerProcess.run(["copy", file, server.description], in: directory).status == 0)
    #expect(try LedgerProcess.run(["project", "--db", server.description], in: directory).status == 0)
    func status(_ db: String, _ org: String, _ day: String, _ more: [String] = []) throws -> LedgerProcess.Outcome {
      try LedgerProcess.run(["status", org, "--as-of", day, "--json", "--db", db] + more, in: directory)
    }
    for org in ["contoso", "fabrikam"] {
      for day in ["2019-06-01", "2020-03-02", "2020-07-01", "2021-03-31", "2026-01-15"] {
        let (fromModel, replayed) = (try status(server.description, org, day), try status(file, org, day))
        #expect(fromModel.status == 0 && fromModel.stdout == replayed.stdout, "\(org) on \(day): \(fromModel.stderr)")
      }
    }
    // A damaged model shows that the head read it; an earlier position replays.
    try await TestPostgres.run("UPDATE read_model_statuses SET timeline = '\\x00' WHERE org = 'contoso'", on: server)
    let damaged = try status(server.description, "contoso", "2020-07-01")
    #expect(damaged.status != 0 && damaged.stderr.contains("status timeline is malformed"), "\(damaged.stderr)")
    let earlier = try status(server.description, "contoso", "2020-07-01", ["--known-at-position", "81"])
    let replayedEarlier = try status(file, "contoso", "2020-07-01", ["--known-at-position", "81"])
    #expect(earlier.status == 0 && earlier.stdout == replayedEarlier.stdout, "\(earlier.stderr)")
  }

  /// The demo copied to a fresh database, with a Microsoft agent's bearer token.
  private static func demoWithAgent(in directory: TemporaryDirectory) async throws -> (server: String, token: String) {
    let file = directory.file("demo.sqlite")
    let server = try await TestPostgres.freshDatabase().description
    #expect(try LedgerProcess.run(["demo", "--db", file], in: directory).status == 0)
    #expect(try LedgerProcess.run(["copy", file, server], in: directory).status == 0)
    let grant = ["grant", "maria", "microsoft-agent", "--actor", "system", "--db", server]
    #expect(try LedgerProcess.run(grant, in: directory).status == 0)
    let issued = try LedgerProcess.run(["token", "issue", "maria", "--db", server], in: directory)
    return (server, String(issued.stdout.split(separator: "\n").first ?? ""))
  }

  @Test func theServersLiveAlertsSendWhatAnotherProcessAppends() async throws {
    let directory = TemporaryDirectory()
    let (server, token) = try await Self.demoWithAgent(in: directory)
    let (process, out, _) = try LedgerProcess.start(["serve", "--db", server, "--port", "0"], in: directory)
    defer { process.terminate() }
    let address = try #require(try await LedgerProcess.listeningAddress(printedTo: out))
    let stream = try EventStreamClient("\(address)/alerts/stream", token: token, in: directory)
    let first = try #require(try await stream.events(throughPass: 1))
    let more = directory.write("more.ndjson", Samples.ndjson(Samples.alertingOrganizations(1)))
    let append = try LedgerProcess.run(["append", "--unchecked", "--actor", "t", "--db", server, more], in: directory)
    #expect(append.status == 0, "\(append.stderr)")
    let second = try #require(try await stream.events(throughPass: 2))
    let arrived = second[first.count...].filter { $0.type == "alert" }
    #expect(arrived.count == 4 && arrived.allSatisfy { $0.data.contains(#""org":"org-0""#) }, "\(arrived)")
  }

  @Test func twoServersOnOneDatabaseAnswerAlikeAndSeeEachOthersWrites() async throws {
    let directory = TemporaryDirectory()
    let (server, token) = try await Self.demoWithAgent(in: directory)
    var servers: [(Process, String)] = []
    defer { for (process, _) in servers { process.terminate() } }
    for _ in 0..<2 {
      let (process, out, _) = try LedgerProcess.start(["serve", "--db", server, "--port", "0"], in: directory)
      let address = try await LedgerProcess.listeningAddress(printedTo: out)
      servers.append((process, try #require(address, "a server never said where it listens")))
    }
    func get(_ base: String, _ path: String) async throws -> (Int, String) {
      var request = URLRequest(url: URL(string: "\(base)/\(path)")!)
      request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
      let (data, response) = try await URLSession.shared.data(for: request)
      return ((response as! HTTPURLResponse).statusCode, String(decoding: data, as: UTF8.self))
    }
    for path in ["organizations/contoso/status?asOf=2021-03-31", "alerts"] {
      let (first, second) = (try await get(servers[0].1, path), try await get(servers[1].1, path))
      #expect(first.0 == 200 && first == second, "\(path)")
    }
    let more = try LedgerProcess.run(
      ["grant", "ivy", "auditor", "--actor", "system", "--db", server], in: directory)
    #expect(more.status == 0, "\(more.stderr)")
    let head = try await PostgresEventLog.connect(readingAt: try PostgresLocation(server)).headPosition()
    for (_, base) in servers {
      let (_, metrics) = try await get(base, "metrics")
      #expect(metrics.contains("\nledger_head_position \(head)"), "each server reads the one log")
    }
  }

  @Test func anACRExportImportsIntoPostgreSQLAsIntoSQLite() async throws {
    let directory = TemporaryDirectory()
    let file = directory.file("ledger.sqlite")
    let server = try await TestPostgres.freshDatabase().description
    let header =
      "PartnerID,PGAPartnerID,CustomerTenantId,SubscriptionId,Month,ACR_USD,AssociationType,OfferType,"
      + "ServiceLevel1,ServiceLevel2,ServiceInfluencer,AdjustmentType\r\n"
    let rows = (1...12).map { month in
      "contoso,p1,\"Northwind, Inc.\",s\(month),2021-\(month < 10 ? "0" : "")\(month),1200.50,Digital Partner of Record,"
        + "Pay-As-You-Go,Containers,Kubernetes,AKS,"
    }
    let csv = directory.write("acr.csv", header + rows.joined(separator: "\r\n") + "\r\n")
    let enrol = directory.write(
      "enrol.ndjson",
      #"{"type":"OrganizationEnrolled","effective":"2021-01-01","org":"contoso","name":"Contoso"}"# + "\n")
    for db in [file, server] {
      #expect(try LedgerProcess.run(["append", "--db", db, enrol], in: directory).status == 0)
      let imported = try LedgerProcess.run(["import-acr", "--db", db, csv], in: directory)
      #expect(
        imported.status == 0 && imported.stdout.hasPrefix("imported 12 rows: appended 12 events"), "\(imported.stderr)")
      let again = try LedgerProcess.run(["import-acr", "--db", db, csv], in: directory)
      #expect(again.stdout.contains("12 already present"))
    }
    let question = ["acr", "contoso", "--as-of", "2022-01-01", "--json"]
    let here = try LedgerProcess.run(question + ["--db", file], in: directory)
    let there = try LedgerProcess.run(question + ["--db", server], in: directory)
    #expect(here.status == 0 && here.stdout.contains("Northwind, Inc.") && there.stdout == here.stdout)
  }

  @Test func checkpointsAndProofsOnPostgreSQLAreTheOnesTheSameLogGivesOnSQLite() async throws {
    let directory = TemporaryDirectory()
    let file = directory.file("demo.sqlite")
    let server = try await TestPostgres.freshDatabase().description
    let key = directory.file("ops")
    #expect(try LedgerProcess.run(["demo", "--db", file], in: directory).status == 0)
    #expect(try LedgerProcess.run(["copy", file, server], in: directory).status == 0)
    #expect(try LedgerProcess.run(["keygen", key], in: directory).status == 0)
    let signed = try LedgerProcess.run(["checkpoint", "--key", key, "--db", server], in: directory)
    #expect(signed.status == 0, "\(signed.stderr)")
    let checkpoint = directory.write("checkpoint.txt", signed.stdout)
    let more = directory.write("more.ndjson", Self.enrolments(300, prefix: "more"))
    #expect(try LedgerProcess.run(["append", "--db", server, more], in: directory).status == 0)
    // The same tree on SQLite: a copy of the PostgreSQL ledger as it is now.
    let copy = directory.file("copy.sqlite")
    #expect(try LedgerProcess.run(["copy", server, copy], in: directory).status == 0)
    for question in [
      ["prove", "demo-031"], ["prove", "350"], ["prove", "--consistency-from", checkpoint, "--key", key + ".pub"],
    ] {
      let here = try LedgerProcess.run(question + ["--db", copy], in: directory)
      let there = try LedgerProcess.run(question + ["--db", server], in: directory)
      #expect(here.status == 0 && !here.stdout.isEmpty && there.stdout == here.stdout, "\(question) \(there.stderr)")
    }
    // The recorded checkpoint is checked by verify; the copy verifies against it given.
    let verified = try LedgerProcess.run(["verify", "--db", server], in: directory)
    #expect(
      verified.status == 0 && verified.stdout.contains("1 checkpoint(s) recorded in the ledger itself"),
      "\(verified.stdout)")
    let given = try LedgerProcess.run(
      ["verify", "--checkpoint", checkpoint, "--key", key + ".pub", "--db", copy], in: directory)
    #expect(given.status == 0, "\(given.stdout)\(given.stderr)")
  }

  @Test func aGatedCommandOnPostgreSQLChecksTheRolesRecordedThere() async throws {
    let location = try await TestPostgres.freshDatabase().description
    let directory = TemporaryDirectory()
    let granted = try LedgerProcess.run(
      ["grant", "maria", "microsoft-agent", "--actor", "system", "--db", location], in: directory)
    #expect(granted.status == 0, "\(granted.stderr)")
    let refused = try LedgerProcess.run(
      ["grant", "ivy", "microsoft-agent", "--actor", "maria", "--db", location], in: directory)
    #expect(refused.status == 69 && refused.stderr.contains("Only the system may grant"))
    let log = try LedgerProcess.run(["log", "--json", "--db", location], in: directory)
    #expect(log.stdout.split(separator: "\n").count == 1)
  }

  @Test func aBadURLIsAUsageErrorAndAnUnreachableServerAStorageFault() throws {
    let directory = TemporaryDirectory()
    let bad = try LedgerProcess.run(["log", "--db", "postgres://nobody"], in: directory)
    #expect(bad.status == 64 && bad.stderr.contains("postgres://nobody names no database"))
    let gone = try LedgerProcess.run(
      ["log", "--db", "postgres://ledger@/x?host=\(directory.path)&port=1"], in: directory)
    #expect(gone.status == 74 && gone.stderr.contains("cannot connect to the server"), "\(gone.stderr)")
  }

  @Test func aCommandThatDoesNotRunOnPostgreSQLYetSaysSoAndWritesNothing() async throws {
    let location = try await TestPostgres.freshDatabase()
    let directory = TemporaryDirectory()
    let run = try LedgerProcess.run(["demo", "--db", location.description], in: directory)
    #expect(run.status == 69)
    #expect(run.stderr.contains("runs only on a SQLite ledger so far"))
    let untouched = await #expect(throws: NotALedgerDatabase.self) {
      try await PostgresEventLog.connect(readingAt: location)
    }
    #expect(untouched?.isEmpty == true)
  }
}
