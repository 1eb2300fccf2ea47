import LedgerCore
import LedgerTestSupport
import Testing

/// An event's type name, stream and stored bytes come from its own payload type, and the
/// canonical payload is the canonical JSON of its fields whatever order they were written in.
struct LedgerEventTests {
  @Test(arguments: Samples.oneOfEachType().map(\.event))
  func theCanonicalPayloadIsTheCanonicalJSONOfItsFields(_ event: LedgerEvent) throws {
    #expect(event.canonicalPayload == event.payloadJSON.canonicalBytes)
    guard case .object(let members) = event.payloadJSON else {
      Issue.record("\(event.typeName): the fields are not an object")
      return
    }
    // The writers list fields in their own order: reversed, they must be sorted to the same bytes.
    #expect(JSONValue.object(members.reversed()).canonicalBytes == event.canonicalPayload)
  }

  @Test(arguments: Samples.oneOfEachType().map(\.event))
  func theTypeNameReadsThePayloadBack(_ event: LedgerEvent) throws {
    #expect(LedgerEvent.typeNames.contains(event.typeName))
    #expect(try LedgerEvent(typeName: event.typeName, payload: event.canonicalPayload) == event)
  }

  @Test func everyTypeHasItsOwnName() {
    let names = Samples.oneOfEachType().map(\.event.typeName)
    #expect(Set(names).count == names.count)
    #expect(Set(names) == Set(LedgerEvent.typeNames))
  }

  @Test func anEventBelongsToTheStreamOfItsSubject() {
    #expect(
      LedgerEvent.credentialEarned(CredentialEarned(individual: "alice", credential: "70-533", expires: nil)).stream
        == .individual("alice"))
    #expect(
      LedgerEvent.individualAssociated(IndividualAssociated(individual: "alice", org: "contoso")).stream
        == .individual("alice"))
    #expect(
      LedgerEvent.organizationEnrolled(OrganizationEnrolled(org: "contoso", name: "Contoso", market: .developing))
        .stream == .organization("contoso"))
  }

  @Test func streamsOfOneIDInDifferentCategoriesStayApart() {
    var versions: [StreamName: Int] = [.organization("x"): 1, .individual("x"): 2, .actor("x"): 3]
    versions[.individual("x"), default: 0] += 10
    #expect(versions == [.organization("x"): 1, .individual("x"): 12, .actor("x"): 3])
    #expect(StreamName.organization("x").hashValue == StreamName(category: "org", id: "x").hashValue)
  }
}
