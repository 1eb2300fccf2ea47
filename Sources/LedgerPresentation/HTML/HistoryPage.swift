import LedgerCore
public import Projections

/// The history table for auditors: every event that touched the organization and every day
/// time alone changed something, in effective order, with who recorded it and what changed.
public enum HistoryPage {
  /// The page of `entries` of `org`, as known at `knownAt`.
  public static func html(org: String, entries: [HistoryEntry], knownAt: Int64, actor: String, csrf: String) -> String {
    let rows = entries.map { entry -> String in
      let what: String
      switch entry.source {
      case .event(let event):
        let by = event.actor.map { " by \(HTML.escape($0.id))" + ($0.role.map { " (\(HTML.escape($0)))" } ?? "") } ?? ""
        let corrects =
          event.corrects.map { ", correcting \(HTML.escape($0)): \(HTML.escape(event.reason ?? ""))" } ?? ""
        what = """
          <b>\(HTML.escape(event.typeName))</b> <code>\(HTML.escape(String(decoding: event.payload, as: UTF8.self)))</code>\
          <br>event \(HTML.escape(event.id)) at position \(event.position), recorded \(event.recorded)\(by)\(corrects)
          """
      case .timeDriven(let reasons): what = "time: " + reasons.map(HTML.escape).joined(separator: "; ")
      }
      let changes =
        entry.changes.isEmpty
        ? "<i>no change to what the program shows</i>"
        : entry.changes.map { HTML.escape($0.description) }.joined(separator: "<br>")
      let kind = if case .event = entry.source { "event" } else { "time" }
      return "<tr class=\"entry entry-\(kind)\"><td>\(entry.date)</td><td>\(what)</td><td>\(changes)</td></tr>"
    }.joined()
    let escaped = HTML.escape(org)
    return HTML.page(
      title: "History of \(org)", actor: actor, csrf: csrf,
      body: """
        <h1>History of <a href="/ui/organizations/\(HTML.segment(org))?knownAtPosition=\(knownAt)">\(escaped)</a></h1>
        <p>As known at position \(knownAt).</p><table id="history"><tr><th>Day</th><th>What happened</th>\
        <th>What changed</th></tr>\(rows)</table>
        """)
  }
}
