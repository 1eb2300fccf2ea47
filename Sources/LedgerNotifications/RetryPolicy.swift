/// How a sink retries a failure that may pass: how many attempts in all and how long to wait
/// before each retry (doubling from the first delay, up to a ceiling).
public struct RetryPolicy: Sendable {
  /// Attempts in all, the first included.
  public let attempts: Int
  /// The wait before the first retry, in milliseconds.
  public let firstDelayMilliseconds: Int
  /// The longest wait, in milliseconds.
  public let maximumDelayMilliseconds: Int

  /// Creates a policy.
  public init(attempts: Int = 5, firstDelayMilliseconds: Int = 500, maximumDelayMilliseconds: Int = 30_000) {
    self.attempts = max(1, attempts)
    self.firstDelayMilliseconds = firstDelayMilliseconds
    self.maximumDelayMilliseconds = maximumDelayMilliseconds
  }

  /// Runs `attempt` until it returns `nil` (success) or the attempts run out; returns the last
  /// failure's reason. `attempt` returns a reason and whether a retry may help.
  func run(_ attempt: () async -> (reason: String, retryable: Bool)?) async -> String? {
    var delay = firstDelayMilliseconds
    for number in 1...attempts {
      guard let failure = await attempt() else { return nil }
      if !failure.retryable || number == attempts {
        return number == 1 ? failure.reason : "\(failure.reason) (after \(number) attempts)"
      }
      try? await Task.sleep(for: .milliseconds(delay))
      delay = min(delay * 2, maximumDelayMilliseconds)
    }
    return nil
  }
}
