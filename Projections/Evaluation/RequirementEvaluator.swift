import Foundation
import LedgerCatalog
import LedgerCore

/// Evaluates requirements against an organization's state on one day. A class: it is shared
/// by every requirement of the day instead of being copied into each closure.
final class RequirementEvaluator {
  let catalog: Catalog
  let date: CivilDate
  let state: OrganizationState
  /// Active credential codes of each individual who may count, by individual.
  let holdings: [String: Set<String>]
  /// The individuals who may count, sorted, so evidence is chosen deterministically.
  let candidates: [String]
  /// Each candidate's holdings as bits of the catalog's numbering, in `candidates` order.
  let candidateBits: [CredentialBits]
  /// Whether outcomes carry their words and evidence; the replay needs only met or not.
  let withEvidence: Bool
  /// Whether outcomes without evidence still carry their words (what a status shows is
  /// missing), without the evidence behind them.
  let withWords: Bool

  init(
    catalog: Catalog, date: CivilDate, state: OrganizationState, excluded: Set<String> = [], withEvidence: Bool = true,
    withWords: Bool = false
  ) {
    self.catalog = catalog
    self.date = date
    self.state = state
    self.withEvidence = withEvidence
    self.withWords = withEvidence || withWords
    guard withEvidence else {
      // Met or not needs only what each member holds that counts, as bits.
      self.holdings = [:]
      self.candidates = []
      self.candidateBits = state.members.filter { !excluded.contains($0) }.map { individual in
        var bits = CredentialBits(count: catalog.credentialNumbers.count)
        for holding in (state.credentials[individual] ?? [:]).values
        where Self.counts(holding, catalog: catalog, on: date) {
          if let number = catalog.credentialNumbers[holding.code] { bits.insert(number) }
        }
        return bits
      }
      return
    }
    var holdings: [String: Set<String>] = [:]
    for individual in state.members where !excluded.contains(individual) {
      let active = (state.credentials[individual] ?? [:]).values.filter {
        Self.counts($0, catalog: catalog, on: date)
      }
      holdings[individual] = Set(active.map(\.code))
    }
    self.holdings = holdings
    self.candidates = holdings.keys.sorted()
    self.candidateBits = candidates.map { catalog.bits(of: holdings[$0]!) }
  }

  /// Whether a held credential counts on `date`: earned, not expired, still accepted.
  static func counts(_ holding: CredentialHolding, catalog: Catalog, on date: CivilDate) -> Bool {
    holding.earned <= date && (holding.expires.map { date < $0 } ?? true)
      && (catalog.credentials[holding.code]?.isAccepted(on: date) ?? false)
  }

  func evaluate(_ requirement: Requirement) -> RequirementOutcome {
    switch requirement {
    case .allOf(let requirements):
      let parts = requirements.map(evaluate)
      return RequirementOutcome(
        summary: withWords ? Self.allOfWords : "", met: parts.allSatisfy(\.met), individuals: [], figure: nil,
        parts: parts, needsEveryPart: true)
    case .anyOf(let requirements):
      let parts = requirements.map(evaluate)
      return RequirementOutcome(
        summary: withWords ? Self.anyOfWords : "", met: parts.contains(where: \.met), individuals: [],
        figure: nil,
        parts: parts)
    case .individuals(let count, let holding, let ofWhom):
      return individuals(count: count, holding: holding, ofWhom: ofWhom)
    case .metric(let id, let threshold, let months, let minCustomers):
      return metric(id: id, threshold: threshold, months: months, minCustomers: minCustomers)
    case .attribute(let name):
      return RequirementOutcome(
        summary: withWords ? Self.attributeWords(name) : "", met: false, individuals: [], figure: nil, parts: [])
    }
  }

  private func individuals(
    count: Int, holding: CredentialPredicate, ofWhom: Requirement.Subset?
  )
    -> RequirementOutcome
  {
    let compiled = catalog.compiled(holding)
    guard withEvidence else {
      let qualified = candidateBits.filter { compiled.isSatisfied(by: $0) }
      let met =
        qualified.count >= count
        && (ofWhom.map { subset in
          let also = catalog.compiled(subset.holding)
          return qualified.count { also.isSatisfied(by: $0) } >= subset.count
        } ?? true)
      let summary = withWords ? Self.summary(count: count, holding: holding, ofWhom: ofWhom) : ""
      return RequirementOutcome(summary: summary, met: met, individuals: [], figure: nil, parts: [])
    }
    let qualified = candidates.indices.filter { compiled.isSatisfied(by: candidateBits[$0]) }.map { candidates[$0] }
    var chosen: [String]
    let summary = Self.summary(count: count, holding: holding, ofWhom: ofWhom)
    var met = qualified.count >= count
    if let ofWhom {
      // k of the same N: pick the k who also hold more first, then fill up to N.
      let both = qualified.filter { ofWhom.holding.isSatisfied(by: holdings[$0]!) }
      met = met && both.count >= ofWhom.count
      chosen = Array(both.prefix(ofWhom.count))
      chosen += qualified.filter { !chosen.contains($0) }.prefix(count - chosen.count)
    } else {
      chosen = Array(qualified.prefix(count))
    }
    let evidence = chosen.map { individual -> RequirementOutcome.IndividualEvidence in
      let held = holdings[individual]!
      var codes = holding.evidence(in: held)
      if let ofWhom { codes += ofWhom.holding.evidence(in: held).filter { !codes.contains($0) } }
      let association = state.associations[individual].map { [$0.event] } ?? []
      let events = codes.compactMap { state.credentials[individual]?[$0]?.event }
      return .init(individual: individual, credentials: codes, events: association + events)
    }
    var outcome = RequirementOutcome(summary: summary, met: met, individuals: evidence, figure: nil, parts: [])
    outcome.stoppedCounting = stoppedCounting(holding, counted: Set(qualified))
    return outcome
  }

  /// Each former member, sorted, with what they had earned when their link ended.
  private lazy var formerHoldings: [(individual: String, bits: CredentialBits)] = state.formerMembers.keys.sorted()
    .map { individual in
      let former = state.formerMembers[individual]!
      return (individual, catalog.bits(of: earned(by: individual, on: former.date).map(\.code)))
    }

  /// The words of an `allOf` requirement.
  static let allOfWords = "all of the following"
  /// The words of an `anyOf` requirement.
  static let anyOfWords = "any one of the following"

  /// The words of an attribute requirement.
  static func attributeWords(_ name: String) -> String {
    "the organization holds the attribute \"\(name)\" (no event records attributes yet, so it is unmet)"
  }

  /// The words of an individuals requirement.
  static func summary(count: Int, holding: CredentialPredicate, ofWhom: Requirement.Subset?) -> String {
    let summary = "\(count) individual\(count == 1 ? "" : "s") each holding \(holding.summary)"
    return ofWhom.map { summary + ", \($0.count) of whom also hold \($0.holding.summary)" } ?? summary
  }

  /// Each member, sorted, with everything they have earned by the day, counting or not.
  private lazy var earnedHoldings: [(individual: String, bits: CredentialBits)] = state.members.map {
    ($0, catalog.bits(of: earned(by: $0, on: date).map(\.code)))
  }

  private func earned(by individual: String, on day: CivilDate) -> [CredentialHolding] {
    (state.credentials[individual] ?? [:]).values.filter { $0.earned <= day }
  }

  /// Who would count but for a departure, a move, or a credential that expired or is no
  /// longer accepted, sorted by individual.
  private func stoppedCounting(
    _ holding: CredentialPredicate, counted: Set<String>
  ) -> [RequirementOutcome.StoppedCounting] {
    let compiled = catalog.compiled(holding)
    var stopped: [RequirementOutcome.StoppedCounting] = []
    for (individual, bits) in formerHoldings where compiled.isSatisfied(by: bits) {
      let former = state.formerMembers[individual]!
      stopped.append(.init(individual: individual, reason: former.reason, since: former.date, event: former.event))
    }
    for (individual, bits) in earnedHoldings where !counted.contains(individual) && compiled.isSatisfied(by: bits) {
      let all = earned(by: individual, on: date)
      // The held credentials the requirement asks for that no longer count, and since when.
      for credential in all.sorted(by: { $0.code < $1.code }) where holding.isSatisfied(by: [credential.code]) {
        if let expires = credential.expires, expires <= date {
          stopped.append(
            .init(individual: individual, reason: "\(credential.code) expired", since: expires, event: credential.event)
          )
        } else if let last = catalog.credentials[credential.code]?.acceptedUntil, last < date {
          stopped.append(
            .init(
              individual: individual, reason: "\(credential.code) no longer accepted", since: last.adding(days: 1),
              event: credential.event))
        }
      }
    }
    return stopped
  }

  /// The words of a metric requirement over `window`.
  static func metricWords(
    _ definition: MetricDefinition, atLeast limit: Decimal, minCustomers: Int, window: MetricWindow
  ) -> String {
    let aggregate = definition.aggregate == .sum ? "over" : "in the last reported month of"
    let fromCustomers = minCustomers > 0 ? " from at least \(minCustomers) customers" : ""
    return "\(definition.name) of at least \(limit)\(fromCustomers) \(aggregate) \(window.from)…\(window.through)"
  }

  private func metric(id: String, threshold: Threshold, months: Int, minCustomers: Int) -> RequirementOutcome {
    let window = MetricWindow(
      date: date, months: months, includesCurrentMonth: catalog.settings.metricWindowIncludesCurrentMonth)
    let limit = threshold.value(for: state.market)
    let definition = catalog.metrics[id]!
    let words = { Self.metricWords(definition, atLeast: limit, minCustomers: minCustomers, window: window) }
    guard withEvidence else {
      let met = MetricWindow.isMet(
        metric: id, atLeast: threshold, months: months, minCustomers: minCustomers, catalog: catalog, state: state,
        on: date)
      return RequirementOutcome(summary: withWords ? words() : "", met: met, individuals: [], figure: nil, parts: [])
    }
    let (value, customers, events) = MetricWindow.figure(
      of: definition, in: window, state: state, priority: catalog.attributionPriority)
    let met = value >= limit && customers >= minCustomers
    var figure = RequirementOutcome.MetricFigure(
      metric: id, value: value, threshold: limit, from: window.from, through: window.through, customers: customers,
      minCustomers: minCustomers, events: events)
    figure.contributions = MetricWindow.contributions(of: definition, in: window, catalog: catalog, state: state).map {
      .init(metric: $0.metric, amount: $0.amount)
    }
    return RequirementOutcome(
      summary: words(),
      met: met, individuals: [], figure: figure, parts: [])
  }
}
