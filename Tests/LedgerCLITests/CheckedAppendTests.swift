import Foundation
import LedgerCore
import LedgerStorage
import LedgerTestSupport
import Testing

/// `ledger append` holds program actions to the same gates as the commands; `--unchecked`
/// imports history as it is and says so on every event; every event records its writer.
struct CheckedAppendTests {
  let directory = TemporaryDirectory()
  var db: String { directory.file("ledger.sqlite") }

  func append(_ lines: [String], _ options: [String] = []) throws -> LedgerProcess.Outcome {
    try LedgerProcess.run(
      ["append", "--db", db] + options, stdin: Data(lines.map { $0 + "\n" }.joined().utf8), in: directory)
  }

  static let enrol = #"{"type":"OrganizationEnrolled","effective":"2021-01-01","org":"contoso","name":"Contoso"}"#
  static let override =
    #"{"type":"OverridePlaced","effective":"2021-02-01","actor":{"id":"agent-7","role":"microsoft-agent"},"org":"contoso","competency":"cloud-platform","level":"gold","reason":"sync"}"#

  func head() throws -> Int64 { try SQLiteEventLog(readingAt: db).headPosition() }

  @Test func aGatedLineByAnActorWithoutTheRoleIsRefusedNamingItsLineAndNothingIsWritten() throws {
    #expect(try append([Self.enrol]).status == 0)
    let refused = try append([Self.enrol, Self.override], ["--actor", "agent-7"])
    #expect(refused.status == 65)
    #expect(
      refused.stderr
        == "<stdin>:2: refused: Only a Microsoft agent may place an override; agent-7 holds no such role on 2021-02-01.\n"
    )
    #expect(try head() == 1)
  }

  @Test func aGatedLinePassesWhenTheBatchGrantsTheRoleFirst() async throws {
    let grant = #"{"type":"RoleGranted","effective":"2021-01-01","subject":"agent-7","role":"microsoft-agent"}"#
    #expect(try append([Self.enrol, grant]).status == 0, "the system bootstraps a program-wide role")
    let placed = try append([Self.override], ["--actor", "agent-7"])
    #expect(placed.status == 0, "\(placed.stderr)")
    var last: EventRecord?
    try await SQLiteEventLog(readingAt: db).forEachEntry(from: 3) { last = $0.record }
    #expect(last?.actor == Actor(id: "agent-7", role: "microsoft-agent"))
    #expect(last?.writer == "agent-7")
    #expect(last?.unchecked == false)
  }

  @Test func aLineClaimingAnotherActorThanTheWriterIsRefused() throws {
    let refused = try append([Self.enrol, Self.override], ["--actor", "mallory"])
    #expect(refused.status == 65)
    #expect(
      refused.stderr.hasPrefix(
        "<stdin>:2: refused: the line is recorded by agent-7 but the append is written by mallory"))
    #expect(try !FileManager.default.fileExists(atPath: db) || head() == 0)
  }

  @Test(arguments: [
    #"{"type":"AuditCompleted","effective":"2021-03-01","org":"contoso","specialization":"kubernetes-on-microsoft-azure","result":"pass"}"#,
    #"{"type":"RoleGranted","effective":"2021-01-01","subject":"zoe","role":"global-admin","org":"contoso"}"#,
    #"{"type":"MembershipPurchased","effective":"2021-01-02","org":"contoso","level":"gold"}"#,
  ])
  func theSystemWriterPassesNoProgramGate(line: String) throws {
    let bootstrap =
      #"{"type":"RoleGranted","effective":"2021-01-01","subject":"ann","role":"global-admin","org":"contoso"}"#
    #expect(try append([Self.enrol, bootstrap]).status == 0)
    let refused = try append([line])
    #expect(refused.status == 65, "\(refused.stdout)")
    #expect(refused.stderr.hasPrefix("<stdin>:1: refused: "), "\(refused.stderr)")
    #expect(try head() == 2)
  }

  @Test func anUncheckedImportIsTakenAsItIsAndMarkedOnEveryEvent() throws {
    #expect(try append([Self.enrol, Self.override], ["--unchecked"]).status == 64, "--unchecked needs --actor")
    let imported = try append([Self.enrol, Self.override], ["--unchecked", "--actor", "migration-2021"])
    #expect(imported.status == 0, "\(imported.stderr)")
    let log = try LedgerProcess.run(["log", "--db", db], in: directory)
    let lines = log.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.allSatisfy { $0.contains("written by migration-2021\tUNCHECKED import") })
    #expect(lines[1].contains("by agent-7 (microsoft-agent)"), "the claimed actor stays apart from the writer")
    let activity = try LedgerProcess.run(["export-activity", "--db", db, "--csv"], in: directory)
    #expect(activity.stdout.contains("OverridePlaced (imported unchecked),agent-7,microsoft-agent"))
    let history = try LedgerProcess.run(["history", "contoso", "--db", db, "--to", "2021-03-01"], in: directory)
    #expect(history.stdout.contains("by agent-7 (microsoft-agent), written by migration-2021, imported unchecked"))
    #expect(try LedgerProcess.run(["verify", "--db", db], in: directory).status == 0)
  }
}
