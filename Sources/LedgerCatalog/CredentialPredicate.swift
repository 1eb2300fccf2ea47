/// What one individual must hold: a credential, all of several, or any of several.
///
/// ```json
/// {"anyOf": ["70-532", "70-533", {"allOf": ["70-346", "70-347"]}]}
/// ```
public indirect enum CredentialPredicate: Hashable, Sendable {
  /// Holds this credential (a catalog code).
  case credential(String)
  /// Holds every one of these.
  case allOf([CredentialPredicate])
  /// Holds at least one of these.
  case anyOf([CredentialPredicate])

  /// Whether an individual holding `held` satisfies the predicate.
  public func isSatisfied(by held: Set<String>) -> Bool {
    switch self {
    case .credential(let code): held.contains(code)
    case .allOf(let parts): parts.allSatisfy { $0.isSatisfied(by: held) }
    case .anyOf(let parts): parts.contains { $0.isSatisfied(by: held) }
    }
  }

  /// The credentials of `held` that the predicate uses (the evidence).
  public func evidence(in held: Set<String>) -> [String] {
    switch self {
    case .credential(let code): held.contains(code) ? [code] : []
    case .allOf(let parts): parts.flatMap { $0.evidence(in: held) }
    case .anyOf(let parts): parts.first { $0.isSatisfied(by: held) }?.evidence(in: held) ?? []
    }
  }

  /// Every credential code the predicate names.
  public var codes: [String] {
    switch self {
    case .credential(let code): [code]
    case .allOf(let parts), .anyOf(let parts): parts.flatMap(\.codes)
    }
  }

  /// A short reading, for explanations: `70-346 and 70-347`, `one of 70-532, 70-533`.
  public var summary: String {
    switch self {
    case .credential(let code): code
    case .allOf(let parts): parts.map(\.nestedSummary).joined(separator: " and ")
    case .anyOf(let parts): "one of " + parts.map(\.nestedSummary).joined(separator: ", ")
    }
  }

  private var nestedSummary: String {
    if case .credential = self { return summary }
    return "(" + summary + ")"
  }
}
