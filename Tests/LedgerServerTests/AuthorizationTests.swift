import Foundation
import LedgerCore
import Testing

/// Every endpoint, asked by every kind of caller: 401 without a valid token, 403 outside the
/// caller's roles, 200 within them, and not one event written by any of it.
struct AuthorizationTests {
  /// What each caller may read: contoso's answers for its admins, Microsoft agents and
  /// auditors; alice's record for her, them, and the admins of contoso (where her
  /// certifications are linked); the catalog for anyone signed in.
  enum Reach { case contoso, anyone, ownOrganizations, alicesRecord }

  static let endpoints: [(path: String, reach: Reach)] = [
    ("organizations/contoso/status?asOf=2020-07-01", .contoso),
    ("organizations/contoso/profile?asOf=2020-07-01", .contoso),
    ("organizations/contoso/history?from=2020-01-01&to=2020-12-31", .contoso),
    ("organizations/contoso/explain/cloud-platform?asOf=2020-07-01", .contoso),
    ("organizations/contoso/acr?asOf=2020-07-01", .contoso),
    ("alerts?org=contoso&to=2021-06-01", .contoso),
    ("alerts?to=2021-06-01", .ownOrganizations),
    ("individuals/alice?asOf=2021-06-01", .alicesRecord),
    ("catalog", .anyone),
  ]

  static func expected(_ reach: Reach, for actor: String) -> Int {
    let readsAll = actor == "maria" || actor == "audrey"
    switch reach {
    case .anyone: return 200
    case .contoso: return readsAll || actor == "admin" || actor == "account" ? 200 : 403
    case .ownOrganizations: return actor == "ivy" || actor == "alice" ? 403 : 200
    case .alicesRecord: return readsAll || actor == "alice" || actor == "admin" || actor == "account" ? 200 : 403
    }
  }

  @Test(arguments: endpoints.indices)
  func eachCallerGetsWhatItsRolesAllowAndNothingIsWritten(endpoint: Int) async throws {
    let served = try await ServedLedger()
    let (path, reach) = Self.endpoints[endpoint]
    let before = try served.head()
    for token in [nil, "not-a-token", served.revoked, served.expired, served.tokens["admin"]! + "x"] {
      let answer = try await served.get(path, token: token)
      #expect(answer.status == 401, "\(path) with \(token ?? "no token")")
      #expect(answer.headers["www-authenticate"] == "Bearer realm=\"ledger\"")
    }
    for actor in ServedLedger.actors {
      let answer = try await served.get(path, as: actor)
      #expect(answer.status == Self.expected(reach, for: actor), "\(path) as \(actor)")
      let type = answer.status == 200 ? "application/json" : "application/problem+json"
      #expect(answer.headers["content-type"] == type, "\(path) as \(actor)")
    }
    #expect(try served.head() == before)
  }

  @Test func anAdministratorSeesExactlyTheirOwnOrganizationsShareOfTheFleetsAlerts() async throws {
    let served = try await ServedLedger()
    func alerts(as actor: String) async throws -> [JSONValue] {
      guard case .array(let alerts)? = try await served.get("alerts?to=2021-06-01", as: actor).json["alerts"] else {
        return []
      }
      return alerts
    }
    func org(_ alert: JSONValue) -> String? {
      if case .string(let org)? = alert["org"] { org } else { nil }
    }
    let fleet = try await alerts(as: "maria")
    #expect(fleet.contains { org($0) == "contoso" })
    #expect(try await alerts(as: "admin") == fleet.filter { org($0) == "contoso" })
    #expect(try await alerts(as: "fab-admin") == fleet.filter { org($0) == "fabrikam" })
  }
}
