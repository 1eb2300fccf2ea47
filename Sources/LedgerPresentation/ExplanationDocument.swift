import Foundation
public import LedgerCore
public import Projections

/// The JSON and text of `ledger explain`.
public enum ExplanationDocument {
  /// The document for an explanation.
  public static func json(_ explanation: Explanation, org: String, knownAtPosition: Int64) -> JSONValue {
    .object([
      ("org", .string(org)),
      ("id", .string(explanation.id)),
      ("name", .string(explanation.name)),
      ("kind", .string(explanation.kind)),
      ("asOf", .string(explanation.asOf.description)),
      ("knownAtPosition", .number(Decimal(knownAtPosition))),
      ("result", .string(explanation.result)),
      (
        "parts",
        .array(explanation.parts.map { .object([("title", .string($0.title)), ("outcome", outcome($0.outcome))]) })
      ),
    ])
  }

  static func outcome(_ outcome: RequirementOutcome) -> JSONValue {
    var members: [(key: String, value: JSONValue)] = [
      ("requirement", .string(outcome.summary)),
      ("met", .bool(outcome.met)),
    ]
    if !outcome.individuals.isEmpty {
      members.append(
        (
          "individuals",
          .array(
            outcome.individuals.map { evidence in
              .object([
                ("individual", .string(evidence.individual)),
                ("credentials", .array(evidence.credentials.map(JSONValue.string))),
                ("events", .array(evidence.events.map(JSONValue.string))),
              ])
            })
        ))
    }
    if !outcome.stoppedCounting.isEmpty {
      members.append(
        (
          "stoppedCounting",
          .array(
            outcome.stoppedCounting.map { stopped in
              .object([
                ("individual", .string(stopped.individual)), ("reason", .string(stopped.reason)),
                ("since", .string(stopped.since.description)), ("event", .string(stopped.event)),
              ])
            })
        ))
    }
    if let figure = outcome.figure {
      members.append(
        (
          "figure",
          .object([
            ("metric", .string(figure.metric)), ("value", .number(figure.value)),
            ("threshold", .number(figure.threshold)), ("from", .string(figure.from.description)),
            ("through", .string(figure.through.description)),
            ("customers", .number(Decimal(figure.customers))), ("minCustomers", .number(Decimal(figure.minCustomers))),
            ("events", .array(figure.events.map(JSONValue.string))),
            (
              "contributions",
              .array(
                figure.contributions.map { .object([("metric", .string($0.metric)), ("amount", .number($0.amount))]) })
            ),
          ])
        ))
    }
    if !outcome.parts.isEmpty { members.append(("parts", .array(outcome.parts.map(Self.outcome)))) }
    return .object(members)
  }

  /// The readable text: one line per requirement, indented by depth.
  public static func text(_ explanation: Explanation) -> String {
    var lines = ["\(explanation.name) (\(explanation.kind)) on \(explanation.asOf): \(explanation.result)"]
    for part in explanation.parts {
      lines.append("")
      lines.append("\(part.title):")
      describe(part.outcome, depth: 1, into: &lines)
    }
    return lines.joined(separator: "\n")
  }

  static func describe(_ outcome: RequirementOutcome, depth: Int, into lines: inout [String]) {
    let indent = String(repeating: "  ", count: depth)
    lines.append("\(indent)[\(outcome.met ? "met" : "not met")] \(outcome.summary)")
    for evidence in outcome.individuals {
      lines.append(
        "\(indent)    \(evidence.individual): \(evidence.credentials.joined(separator: ", ")) "
          + "(events \(evidence.events.joined(separator: ", ")))")
    }
    for stopped in outcome.stoppedCounting {
      lines.append(
        "\(indent)    no longer counting: \(stopped.individual), \(stopped.reason) on \(stopped.since) (event \(stopped.event))"
      )
    }
    if let figure = outcome.figure {
      lines.append(
        "\(indent)    \(figure.metric) = \(figure.value) against \(figure.threshold), \(figure.from)…\(figure.through), "
          + (figure.minCustomers > 0 ? "\(figure.customers) customer(s) of \(figure.minCustomers) needed, " : "")
          + "\(figure.events.count) event(s)")
      for contribution in figure.contributions {
        lines.append("\(indent)      of which \(contribution.metric): \(contribution.amount)")
      }
    }
    for part in outcome.parts { describe(part, depth: depth + 1, into: &lines) }
  }
}
