/// A set of credentials as bits, numbered by the catalog: what a predicate needs, or what an
/// individual holds. Testing a predicate is then a few word operations instead of string
/// lookups, and the bits are held inline, so copying or testing them retains nothing.
package struct CredentialBits: Hashable, Sendable {
  /// How many credentials one catalog version may number (``CatalogLoader`` refuses more).
  package static let capacity = 512
  var words: SIMD8<UInt64> = .zero

  /// The empty set for a catalog numbering `count` credentials (at most ``capacity``).
  package init(count: Int) {
    precondition(count <= Self.capacity, "a catalog numbers at most \(Self.capacity) credentials")
  }

  /// Adds credential number `index`.
  package mutating func insert(_ index: Int) {
    words[index >> 6] |= 1 << UInt64(index & 63)
  }

  /// Whether every bit of `other` is set here.
  package func contains(all other: CredentialBits) -> Bool {
    words & other.words == other.words
  }

  /// Whether any bit of `other` is set here.
  package func contains(any other: CredentialBits) -> Bool {
    words & other.words != .zero
  }
}

/// A credential predicate compiled against a catalog's numbering. Not `indirect`: the masks
/// are held inline (the parts' arrays already box), so testing a mask retains nothing.
package enum CompiledPredicate: Sendable {
  /// Holds every credential of the mask.
  case all(CredentialBits)
  /// Holds at least one credential of the mask.
  case any(CredentialBits)
  /// Every part holds.
  case allOf([CompiledPredicate])
  /// At least one part holds.
  case anyOf([CompiledPredicate])

  /// Whether an individual holding `held` satisfies it.
  package func isSatisfied(by held: CredentialBits) -> Bool {
    switch self {
    case .all(let mask): held.contains(all: mask)
    case .any(let mask): held.contains(any: mask)
    case .allOf(let parts): parts.allSatisfy { $0.isSatisfied(by: held) }
    case .anyOf(let parts): parts.contains { $0.isSatisfied(by: held) }
    }
  }
}

extension CredentialPredicate {
  /// The predicate compiled with `numbering` (credential code → bit); flat lists of codes
  /// become one mask.
  func compiled(with numbering: [String: Int]) -> CompiledPredicate {
    func mask(_ codes: [String]) -> CredentialBits {
      var bits = CredentialBits(count: numbering.count)
      for code in codes { if let index = numbering[code] { bits.insert(index) } }
      return bits
    }
    func plainCodes(_ parts: [CredentialPredicate]) -> [String]? {
      let codes = parts.compactMap { part -> String? in
        if case .credential(let code) = part { return code }
        return nil
      }
      return codes.count == parts.count ? codes : nil
    }
    switch self {
    case .credential(let code): return .all(mask([code]))
    case .allOf(let parts):
      if let codes = plainCodes(parts) { return .all(mask(codes)) }
      return .allOf(parts.map { $0.compiled(with: numbering) })
    case .anyOf(let parts):
      if let codes = plainCodes(parts) { return .any(mask(codes)) }
      return .anyOf(parts.map { $0.compiled(with: numbering) })
    }
  }
}
