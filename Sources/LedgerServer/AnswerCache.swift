import Foundation

/// Answers already given, by the question that fully determines them. The ledger answers the
/// same question the same way for ever (projections never read the clock), so an answer kept
/// under a key that names everything it depends on (the route and organization, the as-of day
/// and period, and the resolved known-at position) is exact, not a guess about freshness: a new
/// event moves the head, and questions at the new head are new keys.
///
/// Two generations bound the memory: lookups promote what they find, and when the current
/// generation is full it becomes the previous one and the oldest is dropped.
final class AnswerCache<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var current: [String: Value] = [:]
  private var previous: [String: Value] = [:]
  private let generationSize: Int

  /// A cache holding between `capacity / 2` and `capacity` answers.
  init(capacity: Int) {
    generationSize = max(1, capacity / 2)
  }

  /// The answer kept under `key`, if any.
  func value(for key: String) -> Value? {
    lock.withLock {
      if let value = current[key] { return value }
      guard let value = previous.removeValue(forKey: key) else { return nil }
      store(value, for: key)
      return value
    }
  }

  /// Keeps `value` under `key`.
  func insert(_ value: Value, for key: String) {
    lock.withLock { store(value, for: key) }
  }

  private func store(_ value: Value, for key: String) {
    if current.count >= generationSize {
      previous = current
      current = [:]
    }
    current[key] = value
  }
}
