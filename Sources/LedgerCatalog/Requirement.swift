/// One requirement of an attainment path or a specialization, in the grammar of the
/// program's pages (rules §2.3).
public indirect enum Requirement: Equatable, Sendable {
  /// Every part must be met.
  case allOf([Requirement])
  /// At least one part must be met.
  case anyOf([Requirement])
  /// `count` distinct individuals associated with the organization each satisfy `holding`;
  /// when `ofWhom` is given, `k` of those same individuals also satisfy its predicate
  /// ("1 of the same 2 passes one of 70-497, PMI-ACP…").
  case individuals(count: Int, holding: CredentialPredicate, ofWhom: Subset?)
  /// A performance figure over a trailing window reaches a market-dependent threshold and, for
  /// consumption, comes from at least `minCustomers` distinct customers.
  case metric(id: String, atLeast: Threshold, months: Int, minCustomers: Int)
  /// An external attribute of the organization (an authorisation such as Surface Hub ADR).
  case attribute(String)

  /// "k of the same N": how many of the counted individuals must also hold more.
  public struct Subset: Equatable, Sendable {
    /// How many of the N.
    public let count: Int
    /// What they must also hold.
    public let holding: CredentialPredicate

    /// Creates a subset requirement.
    public init(count: Int, holding: CredentialPredicate) {
      self.count = count
      self.holding = holding
    }
  }

  /// Every credential code the requirement names.
  public var credentialCodes: [String] {
    switch self {
    case .allOf(let parts), .anyOf(let parts): parts.flatMap(\.credentialCodes)
    case .individuals(_, let holding, let ofWhom): holding.codes + (ofWhom?.holding.codes ?? [])
    case .metric, .attribute: []
    }
  }

  /// Every credential predicate the requirement holds.
  public var predicates: [CredentialPredicate] {
    switch self {
    case .allOf(let parts), .anyOf(let parts): parts.flatMap(\.predicates)
    case .individuals(_, let holding, let ofWhom): [holding] + (ofWhom.map { [$0.holding] } ?? [])
    case .metric, .attribute: []
    }
  }

  /// Every metric id the requirement names.
  public var metricIDs: [String] {
    switch self {
    case .allOf(let parts), .anyOf(let parts): parts.flatMap(\.metricIDs)
    case .metric(let id, _, _, _): [id]
    case .individuals, .attribute: []
    }
  }
}
