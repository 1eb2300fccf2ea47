/// Every requirement of a catalog version compiled into numbered nodes that hold no
/// references: each individuals requirement numbered with its credential predicates as bit
/// masks, each metric requirement numbered with the window value it reads. A replay tests
/// them day after day by number, without hashing, retaining or copying a tree.
package struct CompiledRequirements: Sendable {
  /// One requirement, compiled.
  package enum Node: Sendable {
    /// Every node numbered in `children[range]` must be met.
    case allOf(Range<Int>)
    /// At least one node numbered in `children[range]` must be met.
    case anyOf(Range<Int>)
    /// `count` individuals satisfying the `holding` predicate of individuals requirement
    /// `slot`, `also` of them its `ofWhom` one too.
    case individuals(slot: Int, count: Int, also: Int?)
    /// Metric requirement `slot` (``metrics``).
    case metric(slot: Int)
    /// An external attribute: no event records attributes yet, so it is never met.
    case attribute
  }

  /// A metric requirement: its metric, threshold and window, and the number of the value it
  /// reads (``valueCount``).
  package struct Metric: Sendable {
    /// The metric's id.
    package let id: String
    /// The threshold, by market.
    package let threshold: Threshold
    /// The window's length in months.
    package let months: Int
    /// How many consuming customers the figure needs.
    package let minCustomers: Int
    /// The value read: requirements (Silver, Gold, several paths) reading the same metric
    /// over the same window, with or without its customers, share one.
    package let value: Int
  }

  /// The nodes; a combination's parts come before it.
  package private(set) var nodes: [Node] = []
  /// The parts of the combinations, as node numbers.
  package private(set) var children: [Int] = []
  /// Each individuals requirement's predicates, by slot: what a replay tallies each
  /// individual against.
  package private(set) var individualsPredicates: [(holding: CompiledPredicate, ofWhom: CompiledPredicate?)] = []
  /// The metric requirements, by slot.
  package private(set) var metrics: [Metric] = []
  /// How many distinct values the metric requirements read.
  package private(set) var valueCount = 0
  private var valueNumbers: [ValueKey: Int] = [:]

  /// Adds `requirement` (its parts first) compiled with `predicates`.
  /// - Returns: its node's number.
  mutating func add(_ requirement: Requirement, predicates: [CredentialPredicate: CompiledPredicate]) -> Int {
    let node: Node
    switch requirement {
    case .allOf(let parts), .anyOf(let parts):
      let numbers = parts.map { add($0, predicates: predicates) }
      let range = children.count..<children.count + numbers.count
      children += numbers
      if case .allOf = requirement { node = .allOf(range) } else { node = .anyOf(range) }
    case .individuals(let count, let holding, let ofWhom):
      node = .individuals(slot: individualsPredicates.count, count: count, also: ofWhom?.count)
      individualsPredicates.append((predicates[holding]!, ofWhom.map { predicates[$0.holding]! }))
    case .metric(let id, let threshold, let months, let minCustomers):
      let key = ValueKey(metric: id, months: months, countingCustomers: minCustomers > 0)
      let value = valueNumbers[key] ?? valueCount
      if value == valueCount {
        valueNumbers[key] = value
        valueCount += 1
      }
      node = .metric(slot: metrics.count)
      metrics.append(Metric(id: id, threshold: threshold, months: months, minCustomers: minCustomers, value: value))
    case .attribute:
      node = .attribute
    }
    nodes.append(node)
    return nodes.count - 1
  }

  /// A metric over a window length, with or without its customers.
  private struct ValueKey: Hashable {
    let metric: String
    let months: Int
    let countingCustomers: Bool
  }
}
