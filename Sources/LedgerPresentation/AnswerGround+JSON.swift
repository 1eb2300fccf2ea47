import Foundation
public import LedgerCore
public import LedgerQueries

extension AnswerGround {
  /// `document` (a JSON object) with `knownAtPosition` and `rootHash` (base64) added.
  public func adding(to document: JSONValue) -> JSONValue {
    guard case .object(var members) = document else { return document }
    members.removeAll { $0.key == "knownAtPosition" || $0.key == "rootHash" }
    members.append(("knownAtPosition", .number(Decimal(position))))
    members.append(("rootHash", .string(Data(rootHash).base64EncodedString())))
    return .object(members)
  }
}
