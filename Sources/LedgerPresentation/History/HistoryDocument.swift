import Foundation
public import LedgerCore
public import Projections

/// The JSON and text of `ledger history`: one line per entry or restatement.
public enum HistoryDocument {
  /// One history entry as a JSON object.
  public static func json(_ entry: HistoryEntry) -> JSONValue {
    var members: [(key: String, value: JSONValue)] = [("date", .string(entry.date.description))]
    switch entry.source {
    case .event(let event):
      members.append(("kind", .string("event")))
      members.append(("event", envelope(event)))
    case .timeDriven(let reasons):
      members.append(("kind", .string("time")))
      members.append(("reasons", .array(reasons.map(JSONValue.string))))
    }
    members.append(("changes", .array(entry.changes.map(json))))
    return .object(members)
  }

  /// An event recorded after the compared position, as a JSON object.
  public static func json(recorded event: RecordedEvent) -> JSONValue {
    .object([
      ("kind", .string("recorded")), ("effective", .string(event.effective.description)), ("event", envelope(event)),
    ])
  }

  /// An event recorded after the compared position, in words.
  public static func text(recorded event: RecordedEvent) -> String {
    "  position \(event.position): \(event.typeName) effective \(event.effective), recorded \(event.recorded)"
      + (event.corrects.map { ", correcting \(OutputText.escaped($0)): \(OutputText.escaped(event.reason ?? ""))" }
        ?? "")
  }

  /// One restatement as a JSON object.
  public static func json(_ restatement: Restatement) -> JSONValue {
    .object([
      ("kind", .string("restatement")),
      ("from", .string(restatement.from.description)),
      ("until", restatement.until.map { .string($0.description) } ?? .null),
      ("changes", .array(restatement.changes.map(json))),
    ])
  }

  static func json(_ change: StateChange) -> JSONValue {
    .object([
      ("subject", .string(change.aspect.subject)), ("aspect", .string(change.aspect.name)),
      ("before", .string(change.before)), ("after", .string(change.after)),
    ])
  }

  /// The event's envelope: who recorded it and when, and its fields.
  static func envelope(_ event: RecordedEvent) -> JSONValue {
    .object([
      ("id", .string(event.id)), ("type", .string(event.typeName)), ("position", .number(Decimal(event.position))),
      ("recorded", .string(event.recorded.description)), ("actor", event.actor?.json ?? .null),
      ("corrects", event.corrects.map(JSONValue.string) ?? .null),
      ("reason", event.reason.map(JSONValue.string) ?? .null),
      ("writer", event.record.writer.map(JSONValue.string) ?? .null), ("unchecked", .bool(event.record.unchecked)),
      ("fields", event.event.payloadJSON),
    ])
  }

  /// One history entry in words: the day, what happened, and each change indented below.
  public static func text(_ entry: HistoryEntry) -> String {
    var line = "\(entry.date)  "
    switch entry.source {
    case .event(let event):
      let safe = { (text: String) in OutputText.escaped(text) }
      // The payload is canonical JSON: its strings are escaped already, save the separators
      // and bidirectional controls JSON leaves alone.
      line += "\(event.typeName) \(OutputText.escaped(String(decoding: event.payload, as: UTF8.self), json: true))"
      line += "\n            event \(safe(event.id)) at position \(event.position), recorded \(event.recorded)"
      line +=
        event.actor.map { " by \(safe($0.id))" + ($0.role.map { " (\(safe($0)))" } ?? "") } ?? " by an unnamed actor"
      if let writer = event.record.writer { line += ", written by \(safe(writer))" }
      if event.record.unchecked { line += ", imported unchecked" }
      if let corrects = event.corrects { line += ", correcting \(safe(corrects)): \(safe(event.reason ?? ""))" }
    case .timeDriven(let reasons):
      line += "time: " + reasons.joined(separator: "; ")
    }
    for change in entry.changes { line += "\n            \(change)" }
    if entry.changes.isEmpty { line += "\n            (no change to what the program shows)" }
    return line
  }

  /// One restatement in words.
  public static func text(_ restatement: Restatement) -> String {
    let span = restatement.until.map { "\(restatement.from) to \($0)" } ?? "from \(restatement.from) on"
    let changes = restatement.changes.map {
      "\n            \($0.aspect.name == "membership" ? "membership" : "\($0.aspect.subject) \($0.aspect.name)"): "
        + "\($0.before) (as known then) → \($0.after) (as known now)"
    }
    return span + changes.joined()
  }
}
