import LedgerCore
import LedgerTestSupport
import Testing

/// Every promise of ``EventLog``, stated once and run on every backend.
@Suite struct EventLogContractTests {
  private static func enrolment(_ org: String, id: String? = nil, expectedVersion: Int? = nil) -> ProposedEvent {
    ProposedEvent(
      id: id, effective: Samples.date("2021-01-01"),
      event: .organizationEnrolled(OrganizationEnrolled(org: org, name: org)), expectedVersion: expectedVersion)
  }

  private static func joins(_ individual: String, _ org: String, id: String) -> ProposedEvent {
    ProposedEvent(
      id: id, effective: Samples.date("2021-02-01"),
      event: .individualAssociated(IndividualAssociated(individual: individual, org: org)))
  }

  @Test(arguments: LogBackend.all)
  func positionsStayGapFreeWhenSeveralConnectionsAppendAtOnce(backend: LogBackend) async throws {
    let store = try await backend.makeStore()
    let writers = 4
    let batches = 25
    let perBatch = 8
    let receipts = try await withThrowingTaskGroup(of: [AppendReceipt].self) { group in
      for writer in 0..<writers {
        group.addTask {
          let log = try await store.open()
          var receipts: [AppendReceipt] = []
          for batch in 0..<batches {
            let events = Samples.enrolments(perBatch, prefix: "w\(writer)-b\(batch)")
            receipts.append(try await log.append(events))
          }
          return receipts
        }
      }
      return try await group.reduce(into: []) { $0 += $1 }
    }
    for receipt in receipts {
      let positions = receipt.appended.map(\.position)
      #expect(positions == Array(positions[0]..<positions[0] + Int64(perBatch)), "a batch lands contiguously")
    }
    let total = Int64(writers * batches * perBatch)
    #expect(receipts.flatMap { $0.appended.map(\.position) }.sorted() == Array(1...total))
    let log = try await store.open()
    #expect(try await log.headPosition() == total)
    #expect(try await log.verify().isIntact)
  }

  @Test(arguments: LogBackend.all)
  func aStreamVersionAnotherConnectionMovedIsSeenByTheNextAppend(backend: LogBackend) async throws {
    let store = try await backend.makeStore()
    let (first, second) = (try await store.open(), try await store.open())
    _ = try await first.append([Self.enrolment("contoso", expectedVersion: 0)])
    _ = try await second.append([Self.enrolment("contoso", expectedVersion: 1)])
    // What `first` knew of the stream (version 1) is stale: its next append must read it again.
    await #expect(throws: AppendRejection.self) {
      try await first.append([Self.enrolment("contoso", expectedVersion: 1)])
    }
    let receipt = try await first.append([Self.enrolment("contoso", expectedVersion: 2)])
    #expect(receipt.appended.map(\.streamVersion) == [3])
    _ = try await first.append([Self.enrolment("contoso", expectedVersion: 3)])
    #expect(try await second.version(of: .organization("contoso")) == 4)
  }

  @Test(arguments: LogBackend.all)
  func anIdWithTheSameContentIsANoOpAndWithOtherContentIsRefused(backend: LogBackend) async throws {
    let log = try await backend.makeStore().open()
    let first = try await log.append([Self.enrolment("contoso", id: "e1")])
    #expect(first.appended.map(\.id) == ["e1"])
    let again = try await log.append([Self.enrolment("contoso", id: "e1")])
    #expect(again.appended.isEmpty && again.alreadyPresent == [0])
    await #expect(throws: AppendRejection.self) { try await log.append([Self.enrolment("fabrikam", id: "e1")]) }
    #expect(try await log.headPosition() == 1)
    #expect(try await log.position(ofEventID: "e1") == 1)
    #expect(try await log.position(ofEventID: "nowhere") == nil)
  }

  @Test(arguments: LogBackend.all)
  func anExpectedVersionThatDoesNotMatchIsAConflictAndWritesNothing(backend: LogBackend) async throws {
    let log = try await backend.makeStore().open()
    _ = try await log.append([Self.enrolment("contoso", expectedVersion: 0)])
    #expect(try await log.version(of: .organization("contoso")) == 1)
    do {
      _ = try await log.append([Self.enrolment("fabrikam"), Self.enrolment("contoso", expectedVersion: 0)])
      Issue.record("a stale expected version was accepted")
    } catch let rejection as AppendRejection {
      #expect(rejection.problems.map(\.index) == [1])
      #expect(rejection.problems.allSatisfy { $0.isConflict })
    }
    #expect(try await log.headPosition() == 1)
    _ = try await log.append([Self.enrolment("contoso", expectedVersion: 1)])
    #expect(try await log.version(of: .organization("contoso")) == 2)
  }

  @Test(arguments: LogBackend.all)
  func aRejectionNamesEveryProblemAndWritesNothing(backend: LogBackend) async throws {
    let log = try await backend.makeStore().open()
    var dangling = Self.enrolment("b")
    dangling.corrects = "missing"
    dangling.reason = "typo"
    do {
      _ = try await log.append([Self.enrolment("a"), dangling, Self.enrolment("c", expectedVersion: 3)])
      Issue.record("a batch with problems was accepted")
    } catch let rejection as AppendRejection {
      #expect(rejection.problems.map(\.index) == [1, 2])
    }
    #expect(try await log.headPosition() == 0)
    #expect(try await log.organizations().isEmpty)
  }

  @Test(arguments: LogBackend.all)
  func anEventIsVisibleOnlyToQuestionsKnownAtItsPositionOrLater(backend: LogBackend) async throws {
    let log = try await backend.makeStore().open()
    _ = try await log.append([Self.enrolment("contoso", id: "e1"), Self.joins("alice", "contoso", id: "j1")])
    _ = try await log.append([Self.joins("bob", "contoso", id: "j2")])
    var seen: [String] = []
    try await log.forEachEvent(from: 1, knownAt: 2) { seen.append($0.id) }
    #expect(seen == ["e1", "j1"])
    #expect(try await log.events(concerning: "contoso", knownAt: 2).map(\.id) == ["e1", "j1"])
    #expect(try await log.events(concerning: "contoso", knownAt: 3).map(\.id) == ["e1", "j1", "j2"])
    #expect(try await log.events(in: .individual("bob"), knownAt: 2).isEmpty)
    #expect(try await log.organizations() == ["contoso"])
  }

  @Test(arguments: LogBackend.all)
  func aCorrectionVoidsItsTargetFromItsOwnPositionOn(backend: LogBackend) async throws {
    let log = try await backend.makeStore().open()
    _ = try await log.append([Self.enrolment("contoso", id: "e1"), Self.joins("alice", "contoso", id: "j1")])
    var correction = Self.joins("alice", "contoso", id: "j1-fixed")
    correction.corrects = "j1"
    correction.reason = "wrong day"
    _ = try await log.append([correction])
    #expect(try await log.events(in: .individual("alice"), knownAt: 2).map(\.id) == ["j1"])
    #expect(try await log.events(in: .individual("alice"), knownAt: 3).map(\.id) == ["j1-fixed"])
    #expect(try await log.events(concerning: "contoso", knownAt: 3).map(\.id) == ["e1", "j1-fixed"])
    var visible: [String] = []
    try await log.forEachEvent(from: 1, knownAt: 3) { visible.append($0.id) }
    #expect(visible == ["e1", "j1-fixed"])
    var entries: [LogEntry] = []
    try await log.forEachEntry(from: 1) { entries.append($0) }
    #expect(entries.map(\.voidedBy) == [nil, 3, nil], "the log keeps the voided event, marked")
    #expect(try await log.version(of: .individual("alice")) == 2, "voided events still count in the version")
  }

  @Test(arguments: LogBackend.all)
  func aCorrectionIsSeenByEveryConnectionAndAnAbandonedOneByNone(backend: LogBackend) async throws {
    struct Abandoned: Error {}
    let store = try await backend.makeStore()
    let reader = try await store.open()
    let writer = try await store.open()
    _ = try await writer.append([Self.enrolment("contoso", id: "e1"), Self.joins("alice", "contoso", id: "j1")])
    #expect(try await reader.events(in: .individual("alice"), knownAt: 2).map(\.id) == ["j1"])
    var correction = Self.joins("alice", "contoso", id: "j1-fixed")
    correction.corrects = "j1"
    correction.reason = "wrong day"
    await #expect(throws: Abandoned.self) {
      try await reader.inOneTransaction {
        _ = try await reader.append([correction])
        #expect(try await reader.events(in: .individual("alice"), knownAt: 3).map(\.id) == ["j1-fixed"])
        throw Abandoned()
      }
    }
    #expect(try await reader.events(in: .individual("alice"), knownAt: .max).map(\.id) == ["j1"])
    _ = try await writer.append([correction])
    #expect(try await reader.events(in: .individual("alice"), knownAt: .max).map(\.id) == ["j1-fixed"])
    var visible: [String] = []
    try await reader.forEachEvent(from: 1, knownAt: 3) { visible.append($0.id) }
    #expect(visible == ["e1", "j1-fixed"])
  }

  @Test(arguments: LogBackend.all)
  func recordedInstantsRiseEvenWhenTheClockGoesBack(backend: LogBackend) async throws {
    let log = try await backend.makeStore().open(SteppingClock(step: -5_000_000).clock)
    for index in 0..<5 { _ = try await log.append(Samples.enrolments(2, from: index * 2)) }
    var instants: [RecordedInstant] = []
    try await log.forEachEntry(from: 1) { instants.append($0.record.recorded) }
    #expect(zip(instants, instants.dropFirst()).allSatisfy { $0 < $1 })
    #expect(try await log.position(recordedAtOrBefore: instants[3]) == 4)
    #expect(try await log.position(recordedAtOrBefore: RecordedInstant(microseconds: 0)) == 0)
  }

  @Test(arguments: LogBackend.all)
  func aUnitOfWorkLandsWholeOrNotAtAll(backend: LogBackend) async throws {
    struct Abandoned: Error {}
    let log = try await backend.makeStore().open()
    await #expect(throws: Abandoned.self) {
      try await log.inOneTransaction {
        _ = try await log.append([Self.enrolment("a")])
        #expect(try await log.headPosition() == 1, "reads inside see the unit's own appends")
        throw Abandoned()
      }
    }
    #expect(try await log.headPosition() == 0)
    let receipt = try await log.inOneTransaction {
      _ = try await log.append([Self.enrolment("a")])
      return try await log.append([Self.enrolment("b")])
    }
    #expect(receipt.appended.map(\.position) == [2])
    #expect(try await log.organizations() == ["a", "b"])
  }

  @Test(arguments: LogBackend.all)
  func anIntactLogVerifiesAndRestsOnItsTreeRoot(backend: LogBackend) async throws {
    let log = try await backend.makeStore().open()
    _ = try await log.append(Samples.oneOfEachType())
    _ = try await log.append(Samples.enrolments(300))
    let head = try await log.headPosition()
    let key = try NoteSigningKey(generatingWithName: "contract")
    let checkpoint = try Checkpoint.signed(size: 17, rootHash: try await log.treeRoot(size: 17), key: key)
    let verification = try await log.verify(against: [checkpoint])
    #expect(verification.isIntact)
    #expect(verification.eventCount == head)
    #expect(verification.rootHash == (try await log.treeRoot(size: head)))
    var leaves: [MerkleTree.Hash] = []
    try await log.forEachEntry(from: 1) { leaves.append(MerkleTree.leafHash($0.record.canonicalBytes)) }
    #expect(
      try await log.treeRoot(size: head) == MerkleTree.root(size: head, nodes: InMemoryMerkleNodes(leaves: leaves)))
  }
}
