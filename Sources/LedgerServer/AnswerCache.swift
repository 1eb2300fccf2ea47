import Foundation

/// Answers already given, by the question that fully determines them. The ledger answers the
/// same question the same way for ever (projections never read the clock), so an answer kept
/// under a key that names everything it depends on (the route and organization, the as-of day
/// and period, and the resolved known-at position) is exact, not a guess about freshness: a new
/// event moves the head, and questions at the new head are new keys.
///
/// Two generations bound the memory: lookups promote what they find, and when the current
/// generation has cost half the budget it becomes the previous one and the oldest is dropped.
final class AnswerCache<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var current: [String: Value] = [:]
  private var previous: [String: Value] = [:]
  private var currentCost = 0
  private let generationCost: Int
  private let cost: (Value) -> Int

  /// A cache whose answers cost at most `budget` in all (`cost` of each, its key included).
  init(budget: Int, cost: @escaping (Value) -> Int) {
    generationCost = max(1, budget / 2)
    self.cost = cost
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
    let added = cost(value) + key.utf8.count
    if currentCost + added > generationCost {
      previous = current
      current = [:]
      currentCost = 0
    }
    current[key] = value
    currentCost += added
  }
}
