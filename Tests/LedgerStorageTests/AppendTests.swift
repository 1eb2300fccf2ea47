import LedgerCore
import LedgerStorage
import LedgerTestSupport
import Testing

struct AppendTests {
  @Test func everyEventTypeRoundTripsThroughTheStore() async throws {
    let ledger = TemporaryLedger()
    let log = try ledger.open()
    let samples = Samples.oneOfEachType()
    _ = try log.append(samples)
    let reopened = try ledger.open()
    var read: [RecordedEvent] = []
    try await reopened.forEachEvent(from: 1, knownAt: .max) { read.append($0) }
    #expect(read.map(\.event) == samples.map(\.event))
    #expect(read.map(\.id) == samples.map { $0.id! })
    #expect(read.map(\.effective) == samples.map(\.effective))
    #expect(read.map(\.actor) == samples.map(\.actor))
  }

  @Test func eventsAReplayHandsOnKeepTheirOwnPayloadsWhileItRefillsItsBuffer() async throws {
    let log = try TemporaryLedger().open()
    let samples = Samples.oneOfEachType()
    _ = try log.append(samples)
    var kept: [RecordedEvent] = []
    try await log.forEachEvent(from: 1, knownAt: .max) { recorded in
      #expect(recorded.payload == recorded.event.canonicalPayload)
      if recorded.position.isMultiple(of: 2) { kept.append(recorded) }
    }
    let evenSamples = samples.enumerated().filter { ($0.offset + 1).isMultiple(of: 2) }.map(\.element.event)
    #expect(kept.map(\.event) == evenSamples)
    #expect(kept.map(\.payload) == evenSamples.map(\.canonicalPayload))
  }

  @Test func positionsAreGapFreeAcrossBatches() async throws {
    let log = try TemporaryLedger().open()
    _ = try log.append(Samples.enrolments(3, prefix: "a"))
    _ = try log.append(Samples.enrolments(4, prefix: "b"))
    var positions: [Int64] = []
    try await log.forEachEntry(from: 1) { positions.append($0.record.position) }
    #expect(positions == Array(1...7))
    #expect(try log.headPosition() == 7)
  }

  @Test func recordedInstantsIncreaseEvenWhenTheClockStepsBack() async throws {
    let log = try TemporaryLedger().open(clock: SteppingClock(step: -5_000).clock)
    _ = try log.append(Samples.enrolments(5))
    _ = try log.append(Samples.enrolments(5, prefix: "later"))
    var instants: [Int64] = []
    try await log.forEachEntry(from: 1) { instants.append($0.record.recorded.microseconds) }
    #expect(zip(instants, instants.dropFirst()).allSatisfy { $0 < $1 })
  }

  @Test func streamVersionsCountEachStreamFromOne() throws {
    let log = try TemporaryLedger().open()
    let receipt = try log.append(Samples.oneOfEachType())
    let contoso = receipt.appended.filter { $0.stream == .organization("contoso") }.map(\.streamVersion)
    let alice = receipt.appended.filter { $0.stream == .individual("alice") }.map(\.streamVersion)
    #expect(contoso == Array(1...contoso.count))
    #expect(alice == [1, 2, 3])
  }

  @Test func anExpectedVersionThatDoesNotMatchIsAConflictAndWritesNothing() throws {
    let log = try TemporaryLedger().open()
    _ = try log.append(Samples.enrolments(1))
    var stale = Samples.enrolments(1)[0]
    stale.expectedVersion = 0
    let fresh = Samples.enrolments(1, prefix: "other")[0]
    let rejection = #expect(throws: AppendRejection.self) { try log.append([fresh, stale]) }
    #expect(
      rejection?.problems == [
        .init(index: 1, reason: "stream org/org-0 is at version 1, not the expected 0", isConflict: true)
      ])
    #expect(try log.headPosition() == 1)
  }

  @Test func aMatchingExpectedVersionAppends() throws {
    let log = try TemporaryLedger().open()
    _ = try log.append(Samples.enrolments(1))
    var next = ProposedEvent(
      effective: Samples.date("2021-02-01"),
      event: .membershipPurchased(MembershipPurchased(org: "org-0", level: .gold)))
    next.expectedVersion = 1
    let receipt = try log.append([next])
    #expect(receipt.appended.map(\.streamVersion) == [2])
  }

  @Test func reappendingTheSameIdWithTheSameContentIsANoOp() throws {
    let log = try TemporaryLedger().open()
    let samples = Samples.oneOfEachType()
    _ = try log.append(samples)
    let receipt = try log.append(samples)
    #expect(receipt.appended.isEmpty)
    #expect(receipt.alreadyPresent == Array(samples.indices))
    #expect(try log.headPosition() == Int64(samples.count))
  }

  @Test func reusingAnIdForOtherContentIsRefused() throws {
    let log = try TemporaryLedger().open()
    let original = Samples.oneOfEachType()[0]
    _ = try log.append([original])
    var other = original
    other.effective = Samples.date("2022-01-01")
    #expect(
      throws: AppendRejection(problems: [
        .init(index: 0, reason: "event id \"sample-1\" is already recorded at position 1 with different content")
      ])
    ) {
      try log.append([other])
    }
    #expect(try log.headPosition() == 1)
  }

  @Test func theSameIdTwiceInOneBatchAppendsOnceOrIsRefusedWhenTheContentDiffers() throws {
    let log = try TemporaryLedger().open()
    let event = Samples.oneOfEachType()[0]
    let receipt = try log.append([event, event])
    #expect(receipt.appended.count == 1 && receipt.alreadyPresent == [1])
    var other = Samples.oneOfEachType()[1]
    other.id = "twice"
    var changed = other
    changed.effective = Samples.date("2030-01-01")
    #expect(throws: AppendRejection.self) { try log.append([other, changed]) }
    #expect(try log.headPosition() == 1)
  }

  @Test func aCorrectionMustNameAnEarlierEvent() async throws {
    let log = try TemporaryLedger().open()
    var correction = Samples.enrolments(1)[0]
    correction.corrects = "missing"
    correction.reason = "typo"
    #expect(
      throws: AppendRejection(problems: [
        .init(index: 0, reason: "field \"corrects\" names an unknown event id \"missing\"")
      ])
    ) {
      try log.append([correction])
    }
    var original = Samples.enrolments(1)[0]
    original.id = "first"
    correction.corrects = "first"
    let receipt = try log.append([original, correction])
    #expect(receipt.appended.map(\.id).first == "first")
    var corrects: [String?] = []
    try await log.forEachEntry(from: 1) { corrects.append($0.record.corrects) }
    #expect(corrects == [nil, "first"])
  }

  @Test func everyProblemOfABatchIsReportedAndNothingIsWritten() throws {
    let log = try TemporaryLedger().open()
    var first = Samples.enrolments(1)[0]
    first.corrects = "nope"
    first.reason = "r"
    var third = Samples.enrolments(1, prefix: "x")[0]
    third.expectedVersion = 4
    let rejection = #expect(throws: AppendRejection.self) {
      try log.append([first, Samples.enrolments(1, prefix: "y")[0], third])
    }
    #expect(rejection?.problems.map(\.index) == [0, 2])
    #expect(try log.headPosition() == 0)
  }

  @Test func aProblemEarlyInABatchDoesNotMakeLaterExpectedVersionsLookStale() throws {
    let log = try TemporaryLedger().open()
    var bad = Samples.enrolments(1, prefix: "bad")[0]
    bad.corrects = "nothing"
    bad.reason = "r"
    let org = "contoso"
    var enrol = ProposedEvent(
      effective: Samples.date("2021-01-01"), event: .organizationEnrolled(OrganizationEnrolled(org: org, name: "C")))
    enrol.expectedVersion = 0
    var purchase = ProposedEvent(
      effective: Samples.date("2021-02-01"), event: .membershipPurchased(MembershipPurchased(org: org, level: .gold)))
    purchase.expectedVersion = 1
    let rejection = #expect(throws: AppendRejection.self) { try log.append([bad, enrol, purchase]) }
    #expect(rejection?.problems.map(\.index) == [0])
    #expect(try log.headPosition() == 0)
  }

  @Test func aRejectedBatchLeavesNoTraceOfTheStreamsItOpened() async throws {
    let log = try TemporaryLedger().open()
    var bad = Samples.enrolments(1, prefix: "ghost")[0]
    bad.corrects = "nothing"
    bad.reason = "r"
    let fresh = Samples.enrolments(1, prefix: "fresh")[0]
    #expect(throws: AppendRejection.self) { try log.append([fresh, bad]) }
    _ = try log.append([fresh])
    var streams: [String] = []
    try await log.forEachEvent(from: 1, knownAt: .max) { streams.append($0.stream.description) }
    #expect(streams == ["org/fresh-0"])
    #expect(try await log.verify().isIntact)
  }

  @Test func anOrganizationsEventsIncludeItsIndividualsWholeStreams() throws {
    let log = try TemporaryLedger().open()
    let events: [LedgerEvent] = [
      .organizationEnrolled(OrganizationEnrolled(org: "contoso", name: "Contoso")),
      .credentialEarned(CredentialEarned(individual: "alice", credential: "70-533")),
      .credentialEarned(CredentialEarned(individual: "bob", credential: "70-533")),
      .individualAssociated(IndividualAssociated(individual: "alice", org: "contoso")),
      .individualAssociated(IndividualAssociated(individual: "bob", org: "fabrikam")),
    ]
    _ = try log.append(events.map { ProposedEvent(effective: Samples.date("2021-01-01"), event: $0) })
    let concerning = try log.events(concerning: "contoso", knownAt: .max)
    #expect(concerning.map(\.position) == [1, 2, 4])
    #expect(try log.events(concerning: "contoso", knownAt: 3).map(\.position) == [1, 2])
    #expect(try log.events(concerning: "nobody", knownAt: .max).isEmpty)
    #expect(try log.organizations() == ["contoso", "fabrikam"])
  }
}
