import LedgerCore

/// Stream names by stream number, as a replay meets them: an array for the first numbers
/// (stream numbers are dense from 1, and indexing beats hashing on every row read), a bounded
/// dictionary beyond.
struct StreamNameCache {
  /// Numbers below this are kept in the array: 262,144 names, about 10 MiB at most.
  static let denseLimit: Int64 = 1 << 18
  /// How many names beyond the dense range are kept before the dictionary is cleared.
  static let sparseLimit = 65_536

  private var dense: [StreamName?] = []
  private var sparse: [Int64: StreamName] = [:]

  /// The cached name of stream `number`.
  subscript(number: Int64) -> StreamName? {
    if number >= 0, number < Self.denseLimit {
      return number < dense.count ? dense[Int(number)] : nil
    }
    return sparse[number]
  }

  /// Remembers the name of stream `number`.
  mutating func insert(_ name: StreamName, number: Int64) {
    if number >= 0, number < Self.denseLimit {
      if number >= dense.count { dense.append(contentsOf: repeatElement(nil, count: Int(number) + 1 - dense.count)) }
      dense[Int(number)] = name
      return
    }
    if sparse.count >= Self.sparseLimit { sparse.removeAll(keepingCapacity: true) }
    sparse[number] = name
  }

  /// Forgets every name.
  mutating func removeAll() {
    dense.removeAll()
    sparse.removeAll()
  }
}
