/// The web pages' sessions, in memory: a random session id (the `HttpOnly`, `SameSite=Strict`
/// cookie) maps to the bearer token it was opened with and the CSRF token its forms carry.
/// The token is checked against the ledger on every request, so revoking it ends the session;
/// a restart of the server ends every session.
actor SessionStore {
  /// One signed-in browser.
  struct Session: Sendable {
    /// The bearer token the session was opened with.
    let token: String
    /// The token every form of the session posts back.
    let csrf: String
  }

  private var sessions: [String: Session] = [:]

  /// Opens a session for `token`; returns its id.
  func open(token: String) -> String {
    let id = Self.randomHex()
    sessions[id] = Session(token: token, csrf: Self.randomHex())
    return id
  }

  /// The session with `id`, if open.
  func session(_ id: String) -> Session? { sessions[id] }

  /// Ends the session with `id`.
  func close(_ id: String) { sessions[id] = nil }

  /// 32 random bytes from the system's secure generator, in hex.
  static func randomHex() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<32).map { _ in
      let byte = UInt8.random(in: .min ... .max, using: &generator)
      return String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
    }.joined()
  }
}
