import Foundation
import LedgerCore
import Testing

/// `/openapi.json` says what the server does: real calls of every route of the API, by
/// callers who get each kind of answer, must find their route, status and content type in the
/// document and their body must match its schema; and every operation it lists is called.
struct OpenAPITests {
  /// One real call: the operation's template, the concrete path, the caller, the body to post.
  struct Call {
    let template: String
    let method: String
    let path: String
    let actor: String?
    var body: String? = nil
  }

  static let calls: [Call] = [
    Call(template: "/health", method: "get", path: "health", actor: nil),
    Call(template: "/openapi.json", method: "get", path: "openapi.json", actor: nil),
    Call(
      template: "/organizations/{org}/status", method: "get", path: "organizations/contoso/status?asOf=2020-07-01",
      actor: "maria"),
    Call(template: "/organizations/{org}/status", method: "get", path: "organizations/contoso/status", actor: nil),
    Call(
      template: "/organizations/{org}/status", method: "get", path: "organizations/contoso/status", actor: "fab-admin"),
    Call(template: "/organizations/{org}/status", method: "get", path: "organizations/nobody/status", actor: "maria"),
    Call(
      template: "/organizations/{org}/status", method: "get", path: "organizations/contoso/status?asOf=x",
      actor: "maria"),
    Call(
      template: "/organizations/{org}/profile", method: "get", path: "organizations/contoso/profile?asOf=2020-07-01",
      actor: "admin"),
    Call(
      template: "/organizations/{org}/history", method: "get", path: "organizations/contoso/history?to=2021-06-01",
      actor: "audrey"),
    Call(
      template: "/organizations/{org}/explain/{id}", method: "get",
      path: "organizations/contoso/explain/cloud-platform?asOf=2020-07-01", actor: "account"),
    Call(
      template: "/organizations/{org}/explain/{id}", method: "get", path: "organizations/contoso/explain/nope",
      actor: "account"),
    Call(
      template: "/organizations/{org}/acr", method: "get", path: "organizations/contoso/acr?asOf=2021-06-01",
      actor: "maria"),
    Call(template: "/alerts", method: "get", path: "alerts?to=2021-06-01", actor: "maria"),
    Call(template: "/alerts", method: "get", path: "alerts", actor: "ivy"),
    Call(template: "/catalog", method: "get", path: "catalog", actor: "ivy"),
    Call(template: "/individuals/{individual}", method: "get", path: "individuals/alice", actor: "alice"),
    Call(template: "/individuals/{individual}", method: "get", path: "individuals/alice", actor: "fab-admin"),
    Call(template: "/individuals/{individual}", method: "get", path: "individuals/nobody", actor: "maria"),
    Call(
      template: "/commands/{name}", method: "post", path: "commands/override", actor: "maria",
      body: #"{"org":"contoso","competency":"cloud-platform","level":"gold","reason":"r","effective":"2021-05-03"}"#),
    Call(
      template: "/commands/{name}", method: "post", path: "commands/override", actor: "admin",
      body: #"{"org":"contoso"}"#),
    Call(
      template: "/commands/{name}", method: "post", path: "commands/override", actor: "admin",
      body: #"{"org":"contoso","competency":"cloud-platform","level":"gold","reason":"r"}"#),
    Call(
      template: "/commands/{name}", method: "post", path: "commands/revoke-override", actor: "maria",
      body: #"{"org":"fabrikam","competency":"cloud-platform"}"#),
  ]

  @Test func everyAnswerIsWhatTheDocumentSays() async throws {
    let served = try await ServedLedger()
    let documentAnswer = try await served.get("openapi.json", token: nil)
    #expect(documentAnswer.status == 200)
    let document = documentAnswer.json
    let check = SchemaCheck(document: document)
    for call in Self.calls {
      let token = call.actor.map { served.tokens[$0]! }
      let answer =
        if let body = call.body {
          try await served.post(call.path, body, token: token)
        } else {
          try await served.get(call.path, token: token)
        }
      let label = "\(call.method.uppercased()) /\(call.path) as \(call.actor ?? "nobody")"
      guard let operation = document["paths"]?[call.template]?[call.method] else {
        Issue.record("\(label): the document has no \(call.template)")
        continue
      }
      guard let response = operation["responses"]?["\(answer.status)"] else {
        Issue.record("\(label): answered \(answer.status), which the document does not list")
        continue
      }
      let type = answer.headers["content-type"]?.split(separator: ";").first.map(String.init) ?? ""
      guard let schema = response["content"]?[type]?["schema"] else {
        Issue.record("\(label): content type \(type) is not documented for \(answer.status)")
        continue
      }
      if type.hasSuffix("json") {
        let problems = check.problems(answer.json, against: schema)
        #expect(problems.isEmpty, "\(label): \(problems.joined(separator: "; "))")
      }
    }
  }

  @Test func everyDocumentedOperationIsCalled() async throws {
    let served = try await ServedLedger()
    guard case .object(let paths)? = try await served.get("openapi.json", token: nil).json["paths"] else {
      Issue.record("no paths")
      return
    }
    let called = Set(Self.calls.map { "\($0.method) \($0.template)" })
    for (template, operations) in paths {
      guard case .object(let methods) = operations else { continue }
      for (method, _) in methods where template != "/alerts/stream" {
        #expect(called.contains("\(method) \(template)"), "\(method) \(template) is documented but never called")
      }
    }
  }
}
