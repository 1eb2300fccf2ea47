/// The outcome of a third-party audit of an advanced specialization.
public enum AuditResult: String, CaseIterable, Sendable {
  /// Pass: satisfies the audit requirement for its validity period.
  case pass
  /// No Pass: the partner may schedule again.
  case noPass = "no-pass"
}
