public import LedgerCore
public import LedgerQueries
import Projections

/// An alert as `ledger alerts`, `notify` and the API show it.
public enum AlertDocument {
  /// The alert as one JSON object, with the keys the interface fixes (`competency` is `null`
  /// for a reminder).
  public static func json(_ alert: Alert) -> JSONValue {
    var members: [(key: String, value: JSONValue)] = [
      ("id", .string(alert.id)), ("org", .string(alert.org)), ("kind", .string(alert.kind.rawValue)),
      ("competency", alert.competency.map(JSONValue.string) ?? .null), ("state", .string(alert.state.rawValue)),
      ("effective", .string(alert.effective.description)), ("cause", .string(alert.cause)),
      ("message", .string(alert.message)),
    ]
    if let reminder = alert.reminder { members.append(("reminder", .string(reminder.rawValue))) }
    if let anniversary = alert.anniversary { members.append(("anniversary", .string(anniversary.description))) }
    return .object(members)
  }

  /// The alert in two lines: day, organization, kind, subject, state, cause and id, then
  /// its message.
  public static func text(_ alert: Alert) -> String {
    let subject = alert.competency ?? "membership"
    return "\(alert.effective)  \(alert.org)  \(alert.kind.rawValue)  \(subject)  \(alert.state.rawValue)  "
      + "cause: \(alert.cause)  [\(alert.id)]\n            \(alert.message)\n"
  }
}
