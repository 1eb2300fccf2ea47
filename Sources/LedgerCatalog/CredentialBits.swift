/// A set of credentials as bits, numbered by the catalog: what a predicate needs, or what an
/// individual holds. Testing a predicate is then a few word operations instead of string
/// lookups.
package struct CredentialBits: Hashable, Sendable {
  var words: [UInt64]

  /// The empty set for a catalog numbering `count` credentials.
  package init(count: Int) {
    words = Array(repeating: 0, count: (count + 63) / 64)
  }

  /// Adds credential number `index`.
  package mutating func insert(_ index: Int) {
    words[index >> 6] |= 1 << UInt64(index & 63)
  }

  /// Whether every bit of `other` is set here.
  package func contains(all other: CredentialBits) -> Bool {
    zip(words, other.words).allSatisfy { $0 & $1 == $1 }
  }

  /// Whether any bit of `other` is set here.
  package func contains(any other: CredentialBits) -> Bool {
    zip(words, other.words).contains { $0 & $1 != 0 }
  }
}

/// A credential predicate compiled against a catalog's numbering.
package indirect enum CompiledPredicate: Sendable {
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
