/// The last event of a log as an append continues from it: its position, chain hash and
/// recorded instant (microseconds).
package struct LogHead: Equatable, Sendable {
  /// The last position, 0 for an empty log.
  package let position: Int64
  /// The last chain hash, ``HashChain/genesis`` for an empty log.
  package let hash: [UInt8]
  /// The last recorded instant in microseconds, `Int64.min` for an empty log.
  package let recorded: Int64

  /// The head of an empty log.
  package static let empty = LogHead(position: 0, hash: HashChain.genesis, recorded: .min)

  /// A head read from storage.
  package init(position: Int64, hash: [UInt8], recorded: Int64) {
    self.position = position
    self.hash = hash
    self.recorded = recorded
  }
}
