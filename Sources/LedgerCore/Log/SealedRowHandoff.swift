internal import Foundation

/// Sealed rows passed from the thread that seals them to the thread that writes them, a few
/// chunks at a time: the sealer waits while the writer is that far behind, the writer while
/// nothing is sealed yet, so memory stays bounded however long the batch.
final class SealedRowHandoff: @unchecked Sendable {
  private let condition = NSCondition()
  private let capacity: Int
  private var chunks: [[AppendPlan.Row]] = []
  /// The sealer has handed over its last chunk (or stopped).
  private var finished = false
  /// The writer wants no more rows (it failed, or took them all).
  private var stopped = false

  /// A handoff holding at most `capacity` chunks not yet taken.
  init(capacity: Int) {
    self.capacity = capacity
  }

  /// Hands over `chunk`, waiting while `capacity` chunks are waiting already.
  /// - Returns: `false` when the writer stopped: seal no more.
  func put(_ chunk: [AppendPlan.Row]) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while chunks.count >= capacity, !stopped { condition.wait() }
    guard !stopped else { return false }
    chunks.append(chunk)
    condition.broadcast()
    return true
  }

  /// The next chunk, waiting until one is sealed; `nil` once the sealer finished and every
  /// chunk was taken.
  func take() -> [AppendPlan.Row]? {
    condition.lock()
    defer { condition.unlock() }
    while chunks.isEmpty, !finished { condition.wait() }
    guard !chunks.isEmpty else { return nil }
    condition.broadcast()
    return chunks.removeFirst()
  }

  /// Called by the sealer once it handed over everything, or saw the writer stop.
  func finish() {
    condition.lock()
    finished = true
    condition.broadcast()
    condition.unlock()
  }

  /// Called by the writer when it wants no more rows; returns once the sealer finished, so
  /// no sealing outlives the append.
  func stopAndWait() {
    condition.lock()
    defer { condition.unlock() }
    stopped = true
    condition.broadcast()
    while !finished { condition.wait() }
  }
}
