import Foundation
public import LedgerCore

/// What an append did, as `ledger append` and `import-acr` print it.
public enum AppendDocument {
  /// The summary as JSON: how many were appended and where, and how many were present.
  public static func json(of receipt: AppendReceipt, extra: [(key: String, value: JSONValue)] = []) -> String {
    let position = { (appended: AppendReceipt.Appended?) in
      appended.map { JSONValue.number(Decimal($0.position)) } ?? .null
    }
    let object = JSONValue.object(
      extra + [
        ("appended", .number(Decimal(receipt.appended.count))), ("firstPosition", position(receipt.appended.first)),
        ("lastPosition", position(receipt.appended.last)),
        ("alreadyPresent", .number(Decimal(receipt.alreadyPresent.count))),
      ])
    return String(decoding: object.canonicalBytes, as: UTF8.self)
  }

  /// The summary in words: how many were appended, where, and how many were present.
  public static func text(of receipt: AppendReceipt) -> String {
    var text = "appended \(receipt.appended.count) event\(receipt.appended.count == 1 ? "" : "s")"
    if let first = receipt.appended.first, let last = receipt.appended.last {
      text += " at positions \(first.position)…\(last.position)"
    }
    if !receipt.alreadyPresent.isEmpty {
      text += "; \(receipt.alreadyPresent.count) already present"
    }
    return text
  }
}
