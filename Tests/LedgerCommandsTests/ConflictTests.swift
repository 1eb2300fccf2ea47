import Foundation
import LedgerCommands
import LedgerCore
import LedgerStorage
import LedgerTestSupport
import Testing

/// When another writer gets there between the decision and the append, the command decides
/// again on what is now there.
struct ConflictTests {
  /// A log through which another writer appends once, just before the command's own append.
  final class InterleavingLog: EventLog {
    let base: SQLiteEventLog
    var other: [ProposedEvent]
    private(set) var appendCalls = 0

    init(base: SQLiteEventLog, other: [ProposedEvent]) {
      self.base = base
      self.other = other
    }

    func append(_ events: [ProposedEvent]) throws -> AppendReceipt {
      appendCalls += 1
      if !other.isEmpty {
        _ = try base.append(other)
        other = []
      }
      return try base.append(events)
    }

    func inOneTransaction<T>(_ body: () async throws -> T) async throws -> T { try await base.inOneTransaction(body) }
    func position(ofEventID id: String) throws -> Int64? { try base.position(ofEventID: id) }
    func version(of stream: StreamName) throws -> Int { try base.version(of: stream) }
    func headPosition() throws -> Int64 { try base.headPosition() }
    func position(recordedAtOrBefore instant: RecordedInstant) throws -> Int64 {
      try base.position(recordedAtOrBefore: instant)
    }
    func forEachEntry(from position: Int64, _ body: (LogEntry) async throws -> Void) async throws {
      try await base.forEachEntry(from: position, body)
    }
    func forEachEvent(from position: Int64, knownAt: Int64, _ body: (RecordedEvent) throws -> Void) async throws {
      try await base.forEachEvent(from: position, knownAt: knownAt, body)
    }
    func events(in stream: StreamName, knownAt: Int64) throws -> [RecordedEvent] {
      try base.events(in: stream, knownAt: knownAt)
    }
    func events(concerning org: String, knownAt: Int64) throws -> [RecordedEvent] {
      try base.events(concerning: org, knownAt: knownAt)
    }
    func organizations() throws -> [String] { try base.organizations() }
    func treeRoot(size: Int64) throws -> MerkleTree.Hash { try base.treeRoot(size: size) }
    func verify(against checkpoints: [Checkpoint], progress: (Int64) -> Void) throws -> ChainVerification {
      try base.verify(against: checkpoints, progress: progress)
    }
  }

  @Test func aCommandBeatenToItsStreamDecidesAgainAndIsRefused() async throws {
    let ledger = try await GatedLedger()
    let date = Samples.date("2020-08-01")
    let competitor = ProposedEvent(
      effective: date, event: .individualAssociated(IndividualAssociated(individual: "bob", org: "fabrikam")))
    let log = InterleavingLog(base: ledger.log, other: [competitor])
    let handler = CommandHandler(log: log, catalogs: GatedLedger.catalogs)
    await #expect(throws: CommandRefusal.self) {
      try await handler.execute(.associate(individual: "bob", org: "contoso"), by: "bob", on: date)
    }
    #expect(log.appendCalls == 1, "the first append conflicted; the second decision refused before appending")
    let bobs = try ledger.log.events(in: .individual("bob"), knownAt: Int64.max).filter {
      if case .individualAssociated = $0.event { return true }
      return false
    }
    #expect(bobs.last?.event == .individualAssociated(IndividualAssociated(individual: "bob", org: "fabrikam")))
  }

  @Test func aCommandWhoseDecisionStillHoldsIsRecordedOnTheRetry() async throws {
    let ledger = try await GatedLedger()
    let date = Samples.date("2021-01-04")
    // Another writer records an unrelated fact on contoso's stream first.
    let other = ProposedEvent(
      effective: date,
      event: .performanceReported(
        PerformanceReported(
          org: "contoso", metric: "azure-consumption", month: try YearMonth(parsing: "2020-12"), value: 1)))
    let log = InterleavingLog(base: ledger.log, other: [other])
    let handler = CommandHandler(log: log, catalogs: GatedLedger.catalogs)
    let receipt = try await handler.execute(
      .placeOverride(org: "contoso", competency: "cloud-platform", level: .gold, reason: "sync", expires: nil),
      by: "maria", on: date)
    #expect(receipt.appended.count == 1)
    #expect(log.appendCalls == 2)
  }
}
