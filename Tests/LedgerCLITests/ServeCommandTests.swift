import Foundation
import LedgerStorage
import LedgerTestSupport
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `ledger token` and `ledger serve` end to end: a token printed once and kept as a digest,
/// then a server started by `ledger serve` that admits it, counts its requests in `/metrics`,
/// and stops cleanly on SIGTERM, ending the live alert streams still open.
struct ServeCommandTests {
  let ledger = TemporaryLedger()

  func demo() throws {
    #expect(try LedgerProcess.run(["demo", "--db", ledger.path], in: ledger.directory).status == 0)
  }

  /// The demo, with a token issued to maria, a Microsoft agent.
  func agentToken() throws -> String {
    try demo()
    let grant = ["grant", "maria", "microsoft-agent", "--actor", "system", "--db", ledger.path]
    #expect(try LedgerProcess.run(grant, in: ledger.directory).status == 0)
    let issued = try LedgerProcess.run(["token", "issue", "maria", "--db", ledger.path], in: ledger.directory)
    return String(issued.stdout.split(separator: "\n").first ?? "")
  }

  @Test func aTokenIsPrintedOnceAndTheLogHoldsOnlyItsDigest() throws {
    try demo()
    let issued = try LedgerProcess.run(["token", "issue", "admin-contoso", "--db", ledger.path], in: ledger.directory)
    #expect(issued.status == 0, "\(issued.stderr)")
    let token = String(issued.stdout.split(separator: "\n").first ?? "")
    #expect(token.hasPrefix("ledger."))
    let log = try LedgerProcess.run(["log", "--json", "--db", ledger.path], in: ledger.directory)
    #expect(log.stdout.contains("\"type\":\"TokenIssued\""))
    #expect(!log.stdout.contains(String(token.split(separator: ".").last!)))
    let system = try LedgerProcess.run(["token", "issue", "system", "--db", ledger.path], in: ledger.directory)
    #expect(system.status == 69)
    #expect(system.stderr.hasPrefix("refused: No token is issued to the system"))
  }

  @Test func anAppendedTokenWithABadDigestIsRefusedNamingTheLine() throws {
    try demo()
    let line = #"{"type":"TokenIssued","effective":"2021-01-01","subject":"x","token":"abc","digest":"xyz"}"#
    let file = ledger.directory.write("tokens.ndjson", line + "\n")
    let append = try LedgerProcess.run(["append", "--db", ledger.path, file], in: ledger.directory)
    #expect(append.status == 65)
    #expect(append.stderr.contains("tokens.ndjson:1: \"digest\" must be 64 lowercase hex digits"), "\(append.stderr)")
  }

  @Test func ledgerServeAdmitsAnIssuedTokenCountsItsRequestsAndStopsOnSIGTERM() async throws {
    let token = try agentToken()
    let (server, out, err) = try LedgerProcess.start(
      ["serve", "--db", ledger.path, "--port", "0"], in: ledger.directory)
    let base = try #require(
      try await LedgerProcess.listeningAddress(printedTo: out), "the server never said where it listens")
    func status(_ path: String, token: String?) async throws -> Int {
      var request = URLRequest(url: URL(string: "\(base)/\(path)")!)
      if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
      return (try await URLSession.shared.data(for: request).1 as! HTTPURLResponse).statusCode
    }
    #expect(try await status("health", token: nil) == 200)
    #expect(try await status("catalog", token: nil) == 401)
    #expect(try await status("catalog", token: token) == 200)
    let metrics = String(
      decoding: try await URLSession.shared.data(from: URL(string: "\(base)/metrics")!).0, as: UTF8.self)
    let head = try SQLiteEventLog(readingAt: ledger.path).headPosition()
    #expect(metrics.contains("\nledger_head_position \(head)"), "\(metrics)")
    #expect(
      metrics.contains(
        #"http_server_request_duration_count{http_route="/catalog",http_request_method="GET",http_response_status_code="200"} 1"#
      ), "\(metrics)")
    // A live alert stream stays open until the server stops: the graceful shutdown ends it.
    let streamed = ledger.directory.file("stream.txt")
    _ = FileManager.default.createFile(atPath: streamed, contents: nil)
    let stream = Process()
    stream.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    stream.arguments = [
      "curl", "--silent", "--no-buffer", "-H", "Authorization: Bearer \(token)", "\(base)/alerts/stream",
    ]
    stream.standardOutput = FileHandle(forWritingAtPath: streamed)
    try stream.run()
    func caughtUp() -> Bool {
      String(decoding: FileManager.default.contents(atPath: streamed) ?? Data(), as: UTF8.self)
        .contains("event: caught-up")
    }
    for _ in 0..<300 where !caughtUp() { try await Task.sleep(for: .milliseconds(100)) }
    #expect(caughtUp())
    server.terminate()
    for _ in 0..<300 where server.isRunning { try await Task.sleep(for: .milliseconds(100)) }
    if server.isRunning { kill(server.processIdentifier, SIGKILL) }
    server.waitUntilExit()
    for _ in 0..<100 where stream.isRunning { try await Task.sleep(for: .milliseconds(100)) }
    #expect(!stream.isRunning, "the stream's connection stayed open after the server stopped")
    if stream.isRunning { kill(stream.processIdentifier, SIGKILL) }
    #expect(server.terminationReason == .exit)
    #expect(
      server.terminationStatus == 0,
      "\(String(decoding: FileManager.default.contents(atPath: err) ?? Data(), as: UTF8.self))")
  }

  @Test func anOlderLedgerIsMigratedBeforeTheServerListensAndAnswersTheSame() async throws {
    let token = try agentToken()
    let older = ledger.directory.file("older.sqlite")
    try await LegacyLedger.write(from: ledger.path, to: older, version: 7)
    let cli = try LedgerProcess.run(
      ["status", "contoso", "--as-of", "2021-03-31", "--json", "--db", ledger.path], in: ledger.directory)

    let (server, out, err) = try LedgerProcess.start(["serve", "--db", older, "--port", "0"], in: ledger.directory)
    defer { server.terminate() }
    let base = try #require(try await LedgerProcess.listeningAddress(printedTo: out), "the server never listened")
    let said = String(decoding: FileManager.default.contents(atPath: err) ?? Data(), as: UTF8.self)
    #expect(said.contains("\(older): migrating from schema 7 to 8"), "\(said)")
    #expect(try SQLiteConnection(path: older, mode: .readOnly).integer("PRAGMA user_version") == 8)
    var request = URLRequest(url: URL(string: "\(base)/organizations/contoso/status?asOf=2021-03-31")!)
    request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
    let (body, response) = try await URLSession.shared.data(for: request)
    #expect((response as? HTTPURLResponse)?.statusCode == 200)
    let served = try JSONSerialization.jsonObject(with: body) as? [String: Any]
    let answered = try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any]
    #expect(answered?["competencies"] != nil, "\(cli.stdout)")
    #expect(served.map(NSDictionary.init(dictionary:)) == answered.map(NSDictionary.init(dictionary:)))
  }
}
