import LedgerCore
public import Projections

/// The explain view: a competency or specialization requirement by requirement, with the
/// evidence (who counts with which credentials and events, who stopped counting and why).
public enum ExplanationPage {
  /// The page of `explanation` for `org`, as known at `knownAt`.
  public static func html(
    _ explanation: Explanation, org: String, knownAt: Int64, actor: String, csrf: String
  )
    -> String
  {
    let parts = explanation.parts.map { part in
      "<li><b>\(HTML.escape(part.title))</b>: \(outcome(part.outcome))</li>"
    }.joined()
    let escaped = HTML.escape(org)
    return HTML.page(
      title: "\(explanation.name) for \(org)", actor: actor, csrf: csrf,
      body: """
        <h1>\(HTML.escape(explanation.name)) for <a href="/ui/organizations/\(HTML.segment(org))?asOf=\(explanation.asOf)\
        &amp;knownAtPosition=\(knownAt)">\(escaped)</a></h1>
        <p>On \(explanation.asOf), as known at position \(knownAt): <b id="result">\(HTML.escape(explanation.result))</b></p>
        <ul id="requirements">\(parts)</ul>
        """)
  }

  private static func outcome(_ outcome: RequirementOutcome) -> String {
    let mark = outcome.met ? "<span class=\"met\">met</span>" : "<span class=\"unmet\">not met</span>"
    var html = "\(HTML.escape(outcome.summary)) — \(mark)"
    if !outcome.individuals.isEmpty {
      html += "<ul class=\"counting\">"
      for person in outcome.individuals {
        html +=
          "<li class=\"counts\">\(HTML.escape(person.individual)): \(person.credentials.map(HTML.escape).joined(separator: ", ")) "
        html += "(events \(person.events.map(HTML.escape).joined(separator: ", ")))</li>"
      }
      html += "</ul>"
    }
    if !outcome.stoppedCounting.isEmpty {
      html += "<ul class=\"stopped\">"
      for stopped in outcome.stoppedCounting {
        html +=
          "<li class=\"stopped-counting\">\(HTML.escape(stopped.individual)) stopped counting on \(stopped.since): "
        html += "\(HTML.escape(stopped.reason)) (event \(HTML.escape(stopped.event)))</li>"
      }
      html += "</ul>"
    }
    if let figure = outcome.figure {
      html +=
        "<p class=\"figure\">\(HTML.escape(figure.metric)): \(figure.value) of \(figure.threshold), \(figure.from)–\(figure.through)</p>"
    }
    if !outcome.parts.isEmpty {
      html += "<ul>" + outcome.parts.map { "<li>\(self.outcome($0))</li>" }.joined() + "</ul>"
    }
    return html
  }
}
