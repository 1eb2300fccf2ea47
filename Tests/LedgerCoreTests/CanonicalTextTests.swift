import LedgerCore
import LedgerTestSupport
import Testing

/// One canonical form for text: NFC, no control characters in names, bounded lengths.
struct CanonicalTextTests {
  static func line(_ org: String, name: String = "Contoso", reason: String? = nil) -> String {
    var fields = #"{"type":"OrganizationEnrolled","effective":"2021-01-01","org":"\#(org)","name":"\#(name)""#
    if let reason { fields += #","reason":"\#(reason)""# }
    return fields + "}"
  }

  static func read(_ line: String) throws(EventValidationError) -> ProposedEvent {
    try EventInput.proposedEvent(fromLine: Array(line.utf8))
  }

  @Test(arguments: [
    (#"cont\u0000oso"#, #"field "org" contains a NUL character (U+0000)"#),
    (#"x\u001by"#, #"field "org" contains a control character (U+001B)"#),
    (#"a\nb"#, #"field "org" contains a control character (U+000A)"#),
    ("a\u{0085}b", #"field "org" contains a control character (U+0085)"#),
    ("evil\u{202E}gro", #"field "org" contains a bidirectional control character (U+202E)"#),
    ("a\u{2028}b", #"field "org" contains a line or paragraph separator (U+2028)"#),
    (" contoso", #"field "org" starts or ends with white space"#),
    ("contoso ", #"field "org" starts or ends with white space"#),
    (#"x\u007fy"#, #"field "org" contains a control character (U+007F)"#),
    (String(repeating: "x", count: 201), #"field "org" is longer than 200 characters"#),
  ])
  func anIdentifierThatCouldPrintAsAnotherIsRefused(org: String, reason: String) {
    #expect(throws: EventValidationError(reason)) { try Self.read(Self.line(org)) }
  }

  @Test func anIdentifierAtTheLimitIsAccepted() throws {
    let org = String(repeating: "x", count: CanonicalText.identifierLimit)
    #expect(try Self.read(Self.line(org)).event.organization == org)
  }

  @Test func twoSpellingsOfOneNameAreOneNameInNFC() throws {
    let decomposed = try Self.read(Self.line("cafe\u{0301}"))
    let composed = try Self.read(Self.line("caf\u{E9}"))
    #expect(Array(decomposed.event.stream.description.utf8) == Array("org/caf\u{E9}".utf8))
    #expect(decomposed.event.canonicalPayload == composed.event.canonicalPayload)
  }

  @Test func freeTextMayHoldTabsAndLineFeedsButNoOtherControlsAndIsBounded() throws {
    let event = try Self.read(Self.line("contoso", name: #"Contoso\tLtd\nEurope"#, reason: #"line one\nline two"#))
    #expect(event.reason == "line one\nline two")
    #expect(throws: EventValidationError(#"field "name" contains a NUL character (U+0000)"#)) {
      try Self.read(Self.line("contoso", name: #"Con\u0000toso"#))
    }
    let long = String(repeating: "x", count: CanonicalText.textLimit + 1)
    #expect(throws: EventValidationError(#"field "reason" is longer than 4000 characters"#)) {
      try Self.read(Self.line("contoso", reason: long))
    }
  }

  @Test func storageRefusesWhatIsNotStoredAsHashed() {
    #expect(CanonicalText.isStorable("caf\u{E9}"))
    #expect(!CanonicalText.isStorable("cafe\u{0301}"))
    #expect(!CanonicalText.isStorable("a\u{0}b"))
    var event = Samples.oneOfEachType()[0]
    event.id = "x\u{0}y"
    #expect(event.unstorableField == #"field "id""#)
  }
}
