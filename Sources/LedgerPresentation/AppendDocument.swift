import Foundation
public import LedgerCore

/// What an append did, as `ledger append` and `import-acr` print it.
public enum AppendDocument {
  /// The summary as JSON: how many were appended and where, and how many were present.
  public static func json(of tally: AppendTally, extra: [(key: String, value: JSONValue)] = []) -> String {
    let position = { (position: Int64?) in position.map { JSONValue.number(Decimal($0)) } ?? .null }
    let object = JSONValue.object(
      extra + [
        ("appended", .number(Decimal(tally.appended))), ("firstPosition", position(tally.firstPosition)),
        ("lastPosition", position(tally.lastPosition)), ("alreadyPresent", .number(Decimal(tally.alreadyPresent))),
      ])
    return String(decoding: object.canonicalBytes, as: UTF8.self)
  }

  /// The summary in words: how many were appended, where, and how many were present.
  public static func text(of tally: AppendTally) -> String {
    var text = "appended \(tally.appended) event\(tally.appended == 1 ? "" : "s")"
    if let first = tally.firstPosition, let last = tally.lastPosition {
      text += " at positions \(first)…\(last)"
    }
    if tally.alreadyPresent > 0 {
      text += "; \(tally.alreadyPresent) already present"
    }
    return text
  }
}
