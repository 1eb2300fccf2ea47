import Crypto

/// The log's Merkle tree, hashed as RFC 9162 (and RFC 6962) define it: a leaf is
/// `SHA-256(0x00 ‖ leaf)`, a node `SHA-256(0x01 ‖ left ‖ right)`, and the tree over `n`
/// leaves splits at the largest power of two below `n`. The leaf of the event at position
/// `p` is its canonical record (``EventRecord/canonicalBytes``) at index `p − 1`, so the
/// tree's size is the head position.
///
/// Proofs and roots are computed from complete subtrees a ``MerkleNodes`` source gives;
/// verification needs nothing but the hashes, as an outside auditor would do it.
public enum MerkleTree {
  /// A 32-byte SHA-256 hash.
  public typealias Hash = [UInt8]

  /// The hash of an empty tree: SHA-256 of nothing.
  public static let emptyRoot: Hash = Array(SHA256.hash(data: [UInt8]()))

  private static let leafPrefix: [UInt8] = [0x00]
  private static let nodePrefix: [UInt8] = [0x01]

  /// `SHA-256(0x00 ‖ data)`.
  public static func leafHash(_ data: [UInt8]) -> Hash {
    var hasher = SHA256()
    hasher.update(data: leafPrefix)
    hasher.update(data: data)
    return hasher.finalize().bytes
  }

  /// `SHA-256(0x01 ‖ left ‖ right)`.
  public static func nodeHash(_ left: Hash, _ right: Hash) -> Hash {
    var hasher = SHA256()
    hasher.update(data: nodePrefix)
    hasher.update(data: left)
    hasher.update(data: right)
    return hasher.finalize().bytes
  }

  /// The largest power of two strictly below `count` (for `count` ≥ 2).
  static func split(_ count: Int64) -> Int64 {
    var k: Int64 = 1
    while k << 1 < count { k <<= 1 }
    return k
  }

  /// The hash of leaves `[start, start + count)`, a range the RFC's recursion produces.
  static func rangeHash(start: Int64, count: Int64, nodes: some MerkleNodes) throws -> Hash {
    if count & (count - 1) == 0, start % count == 0 {
      return try nodes.hash(level: count.trailingZeroBitCount, index: start / count)
    }
    let k = split(count)
    return nodeHash(
      try rangeHash(start: start, count: k, nodes: nodes),
      try rangeHash(start: start + k, count: count - k, nodes: nodes))
  }

  /// The root of the tree over the first `size` leaves.
  public static func root(size: Int64, nodes: some MerkleNodes) throws -> Hash {
    size == 0 ? emptyRoot : try rangeHash(start: 0, count: size, nodes: nodes)
  }

  /// The audit path of leaf `index` in the tree of `size` leaves (RFC 9162 §2.1.3.1), from
  /// the leaf's sibling up.
  public static func inclusionProof(index: Int64, size: Int64, nodes: some MerkleNodes) throws -> [Hash] {
    precondition(0 <= index && index < size)
    var path: [Hash] = []
    var (start, count, target) = (Int64(0), size, index)
    var steps: [(Int64, Int64)] = []
    while count > 1 {
      let k = split(count)
      if target < k {
        steps.append((start + k, count - k))
        count = k
      } else {
        steps.append((start, k))
        start += k
        target -= k
        count -= k
      }
    }
    for (siblingStart, siblingCount) in steps.reversed() {
      path.append(try rangeHash(start: siblingStart, count: siblingCount, nodes: nodes))
    }
    return path
  }

  /// The consistency proof from the tree of `oldSize` leaves to the tree of `newSize`
  /// (RFC 9162 §2.1.4.1).
  public static func consistencyProof(oldSize: Int64, newSize: Int64, nodes: some MerkleNodes) throws -> [Hash] {
    precondition(0 < oldSize && oldSize <= newSize)
    guard oldSize < newSize else { return [] }
    return try subproof(m: oldSize, start: 0, count: newSize, complete: true, nodes: nodes)
  }

  private static func subproof(
    m: Int64, start: Int64, count: Int64, complete: Bool, nodes: some MerkleNodes
  ) throws -> [Hash] {
    if m == count {
      return complete ? [] : [try rangeHash(start: start, count: count, nodes: nodes)]
    }
    let k = split(count)
    if m <= k {
      return try subproof(m: m, start: start, count: k, complete: complete, nodes: nodes)
        + [try rangeHash(start: start + k, count: count - k, nodes: nodes)]
    }
    return try subproof(m: m - k, start: start + k, count: count - k, complete: false, nodes: nodes)
      + [try rangeHash(start: start, count: k, nodes: nodes)]
  }

  /// Whether `proof` shows the leaf with hash `leaf` at `index` in the tree of `size`
  /// leaves whose root is `root` (RFC 9162 §2.1.3.2).
  public static func verifyInclusion(leaf: Hash, index: Int64, size: Int64, proof: [Hash], root: Hash) -> Bool {
    guard index < size, index >= 0 else { return false }
    var (fn, sn) = (index, size - 1)
    var r = leaf
    for p in proof {
      guard sn != 0 else { return false }
      if fn & 1 == 1 || fn == sn {
        r = nodeHash(p, r)
        if fn & 1 == 0 {
          while fn & 1 == 0, fn != 0 {
            fn >>= 1
            sn >>= 1
          }
        }
      } else {
        r = nodeHash(r, p)
      }
      fn >>= 1
      sn >>= 1
    }
    return sn == 0 && r == root
  }

  /// Whether `proof` shows the tree of `oldSize` leaves with root `oldRoot` to be a prefix
  /// of the tree of `newSize` leaves with root `newRoot` (RFC 9162 §2.1.4.2).
  public static func verifyConsistency(
    oldSize: Int64, newSize: Int64, proof: [Hash], oldRoot: Hash, newRoot: Hash
  ) -> Bool {
    guard 0 < oldSize, oldSize <= newSize else { return false }
    if oldSize == newSize { return proof.isEmpty && oldRoot == newRoot }
    var path = proof
    if oldSize & (oldSize - 1) == 0 { path.insert(oldRoot, at: 0) }
    guard !path.isEmpty else { return false }
    var (fn, sn) = (oldSize - 1, newSize - 1)
    while fn & 1 == 1 {
      fn >>= 1
      sn >>= 1
    }
    var (fr, sr) = (path[0], path[0])
    for c in path.dropFirst() {
      guard sn != 0 else { return false }
      if fn & 1 == 1 || fn == sn {
        fr = nodeHash(c, fr)
        sr = nodeHash(c, sr)
        if fn & 1 == 0 {
          while fn & 1 == 0, fn != 0 {
            fn >>= 1
            sn >>= 1
          }
        }
      } else {
        sr = nodeHash(sr, c)
      }
      fn >>= 1
      sn >>= 1
    }
    return fr == oldRoot && sr == newRoot && sn == 0
  }
}

/// Where the hashes of complete subtrees come from: a store that keeps some and computes
/// the rest, or a list of leaves in memory.
public protocol MerkleNodes {
  /// The hash of the complete subtree of `2^level` leaves starting at leaf
  /// `index × 2^level`.
  func hash(level: Int, index: Int64) throws -> MerkleTree.Hash
}

/// A tree over leaf hashes held in memory (tests, small ledgers).
public struct InMemoryMerkleNodes: MerkleNodes {
  /// The leaf hashes, in order.
  public var leaves: [MerkleTree.Hash]

  /// Creates the tree over `leaves`.
  public init(leaves: [MerkleTree.Hash]) {
    self.leaves = leaves
  }

  public func hash(level: Int, index: Int64) throws -> MerkleTree.Hash {
    guard level > 0 else { return leaves[Int(index)] }
    return MerkleTree.nodeHash(
      try hash(level: level - 1, index: index * 2), try hash(level: level - 1, index: index * 2 + 1))
  }
}
