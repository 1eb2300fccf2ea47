/// What an ``AppendPlan`` asks the backend about the stored log, inside the append's
/// transaction. A backend that answers over a network fetches the answers for the whole
/// batch first and serves them from memory.
package protocol AppendLookups {
  /// The position and content of the stored event with id `id`, if any.
  func storedEvent(id: String) throws -> (position: Int64, content: EventContent)?

  /// The stored version of `stream` (0 when it holds no event).
  func storedVersion(of stream: StreamName) throws -> Int
}
