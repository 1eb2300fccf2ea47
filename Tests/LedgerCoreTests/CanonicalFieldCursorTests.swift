import Foundation
import LedgerCore
import LedgerTestSupport
import Testing

struct CanonicalFieldCursorTests {
  @Test(arguments: Samples.oneOfEachType().map(\.event) + withOptionalFieldsLeftOut)
  func everyTypeReadsItsCanonicalPayloadFrontToBack(event: LedgerEvent) throws {
    let payload = event.canonicalPayload
    #expect(try LedgerEvent.inKeyOrder(typeName: event.typeName, payload: payload) == event)
    #expect(try LedgerEvent(typeName: event.typeName, parsing: payload) == event)
  }

  /// Events of every type that has optional fields, with some or all of them left out.
  static let withOptionalFieldsLeftOut: [LedgerEvent] = [
    .organizationEnrolled(OrganizationEnrolled(org: "contoso", name: "Contoso Ltd")),
    .credentialEarned(CredentialEarned(individual: "alice", credential: "70-533")),
    .overridePlaced(OverridePlaced(org: "contoso", competency: "cloud-platform", level: .silver)),
    .consumptionReported(
      ConsumptionReported(
        org: "contoso", customer: "northwind", subscription: "sub-1", month: YearMonth(year: 2021, month: 2)!,
        amount: 7, association: "PAL", offerType: "Trial")),
    .consumptionReported(
      ConsumptionReported(
        org: "contoso", customer: "northwind", subscription: "sub-1", month: YearMonth(year: 2021, month: 2)!,
        amount: Decimal(string: "-0.25")!, association: "PAL", offerType: "Trial",
        service: ["computeOS": "Linux", "serviceLevel2": "Compute", "adjustmentType": "Credit"])),
    .auditScheduled(AuditScheduled(org: "contoso", specialization: "kubernetes-on-microsoft-azure")),
    .roleGranted(RoleGranted(subject: "carol", role: .microsoftAgent)),
    .roleRevoked(RoleRevoked(subject: "carol", role: .auditor)),
    .tokenIssued(
      TokenIssued(subject: "alice", token: "abababababababab", digest: String(repeating: "ab", count: 32))),
  ]

  /// Stored payloads of every shape, each with whether the cursor reads it (the parser
  /// decodes, or refuses, the rest).
  static let payloads: [(String, String, Bool)] = [
    ("CredentialEarned", #"{"credential":"70-533","individual":"alice"}"#, true),
    ("CredentialEarned", #"{"credential":"70-533","expires":"2021-02-28","individual":"alice"}"#, true),
    ("CredentialEarned", #"{"credential":"70-533","expires":null,"individual":"alice"}"#, false),
    ("CredentialEarned", #"{"credential":"70-533","expires":"2021-02-30","individual":"alice"}"#, false),
    ("CredentialEarned", #"{"credential":"70-533","expires":"soon","individual":"alice"}"#, false),
    ("CredentialEarned", #"{"credential":"70-533","expires":"","individual":"alice"}"#, false),
    ("CredentialEarned", #"{"credential":"70-533","expires":20210228,"individual":"alice"}"#, false),
    ("CredentialEarned", #"{"credential":"70-533","extra":"x","individual":"alice"}"#, false),
    ("CredentialEarned", #"{"credential":"70-533","exp":"x","individual":"alice"}"#, false),
    ("CredentialEarned", #"{"credential":"70-533","expiresAt":"2021-02-28","individual":"alice"}"#, false),
    ("CredentialEarned", #"{"credential":"70-533","individual":"alice","zone":"x"}"#, false),
    ("CredentialEarned", #"{"credential":"70-533","\u0065xpires":"2021-02-28","individual":"alice"}"#, false),
    ("CredentialEarned", #"{"credential":true,"individual":"alice"}"#, false),
    ("CredentialEarned", #"{"credential":"","individual":"alice"}"#, false),
    ("CredentialEarned", #"{"credential":7,"individual":"alice"}"#, false),
    ("CredentialEarned", "{}", false),
    ("Renamed", #"{"credential":"70-533","individual":"alice"}"#, false),
    ("CredentialEarned", #"{"individual":"alice","credential":"70-533"}"#, false),
    ("CredentialEarned", #"{"credential":"70-533","credential":"x","individual":"alice"}"#, false),
    ("CredentialEarned", #"{"credential":"70-533","individual":"al\"ice"}"#, false),
    ("CredentialEarned", #"{"credential":"70-533","individual":"alicé"}"#, false),
    ("CredentialEarned", #"{"credential":"70-533", "individual":"alice"}"#, false),
    ("CredentialEarned", #"{"credential":"70-533","individual":"alice"}}"#, false),
    ("CredentialEarned", #"{"credential":"70-533","individual":"alice",}"#, false),
    ("CredentialEarned", #"{"credential":"70-533","individual"}"#, false),
    ("CredentialEarned", #"{"credential":"70-533","individual":}"#, false),
    ("CredentialEarned", #"{"credential":"70-533","individual":"alice}"#, false),
    ("CredentialEarned", #"{"credential":"70-533","indiv}"#, false),
    ("CredentialEarned", #"{"credential":"70-533","individual":"alice""#, false),
    ("CredentialEarned", #"{"credential":"70-533","individual":nul}"#, false),
    ("OrganizationEnrolled", #"{"name":"Contoso Ltd","org":"contoso"}"#, true),
    ("OrganizationEnrolled", #"{"market":"developing","name":"Contoso Ltd","org":"contoso"}"#, true),
    ("OrganizationEnrolled", #"{"market":"elsewhere","name":"Contoso Ltd","org":"contoso"}"#, false),
    ("RoleGranted", #"{"role":"global-admin","subject":"alice"}"#, false),
    ("PerformanceReported", #"{"metric":"m","month":"2021-02","org":"contoso","value":-2000.50}"#, true),
    ("PerformanceReported", #"{"metric":"m","month":"2021-02","org":"contoso","value":12e3}"#, true),
    ("PerformanceReported", #"{"metric":"m","month":"2021-13","org":"contoso","value":1}"#, false),
    ("PerformanceReported", #"{"metric":"m","month":"2021-02","org":"contoso","value":012}"#, false),
    ("PerformanceReported", #"{"metric":"m","month":"2021-02","org":"contoso","value":1.}"#, false),
    ("PerformanceReported", #"{"metric":"m","month":"2021-02","org":"contoso","value":+1}"#, false),
    ("PerformanceReported", #"{"metric":"m","month":"2021-02","org":"contoso","value":1e999}"#, false),
    ("PerformanceReported", #"{"metric":"m","month":"2021-02","org":"contoso","value":-}"#, false),
    ("PerformanceReported", #"{"metric":"m","month":"2021-02","org":"contoso","value":[1]}"#, false),
    ("PerformanceReported", #"{"metric":"m","month":"2021-02","org":"contoso","value":"1"}"#, false),
    ("CredentialEarned", "{" + (0..<25).map { #""k\#($0 + 10)":"v""# }.joined(separator: ",") + "}", false),
    (
      "CredentialEarned", #"{"credential":""# + String(repeating: "x", count: 70_000) + #"","individual":"alice"}"#,
      true
    ),
    ("CredentialEarned", "[]", false),
    ("CredentialEarned", "{", false),
    ("CredentialEarned", "", false),
  ]

  @Test(arguments: payloads)
  func everyPayloadDecodesOrFailsAsTheParserDecidesIt(typeName: String, text: String, readInKeyOrder: Bool) {
    let payload = Array(text.utf8)
    let cursor = Result { () throws(EventValidationError) in
      try LedgerEvent.inKeyOrder(typeName: typeName, payload: payload)
    }
    let fast = Result { () throws(EventValidationError) in try LedgerEvent(typeName: typeName, payload: payload) }
    let parsed = Result { () throws(EventValidationError) in try LedgerEvent(typeName: typeName, parsing: payload) }
    let read = try? cursor.get()
    #expect((read != nil) == readInKeyOrder)
    if case .success(let event?) = cursor { #expect(.success(event) == parsed) }
    #expect(fast == parsed)
  }
}
