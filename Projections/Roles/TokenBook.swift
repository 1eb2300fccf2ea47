public import LedgerCore

/// The bearer tokens of one actor on a day, folded from the issues and revocations of the
/// actor's stream in effective order: which digests sign the actor in.
public struct TokenBook: Equatable, Sendable {
  /// The actor.
  public let actor: String
  /// Every token issued by the day, by id, revoked or not.
  public private(set) var tokens: [String: Token] = [:]

  /// One issued token.
  public struct Token: Equatable, Sendable {
    /// The token's id.
    public let id: String
    /// The SHA-256 digest of the secret, lowercase hex.
    public let digest: String
    /// The first day the token is refused, if it expires.
    public let expires: CivilDate?
    /// Whether a revocation took effect by the day.
    public fileprivate(set) var revoked = false
  }

  /// The tokens of `actor` on `date` from the events of its stream.
  public init(actor: String, events: [RecordedEvent], on date: CivilDate) {
    self.actor = actor
    for event in events.filter({ $0.effective <= date }).sorted(by: {
      ($0.effective, $0.position) < ($1.effective, $1.position)
    }) {
      switch event.event {
      case .tokenIssued(let issued):
        tokens[issued.token] = Token(id: issued.token, digest: issued.digest, expires: issued.expires)
      case .tokenRevoked(let revoked): tokens[revoked.token]?.revoked = true
      default: break
      }
    }
  }

  /// The token whose digest is `digest`, if it signs the actor in on `date`: issued, not
  /// revoked, not expired.
  public func admits(digest: String, on date: CivilDate) -> Token? {
    tokens.values.first { token in
      !token.revoked && token.expires.map { date < $0 } != false && Self.equalInConstantTime(token.digest, digest)
    }
  }

  /// Compares two digests without returning early, so a response's timing says nothing about
  /// how much of a guessed digest matched.
  static func equalInConstantTime(_ a: String, _ b: String) -> Bool {
    let (left, right) = (Array(a.utf8), Array(b.utf8))
    guard left.count == right.count else { return false }
    return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
  }
}
