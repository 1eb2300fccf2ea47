import Foundation

/// One line of `key=value` figures, the format of the shared benchmark programs.
struct Figures {
  private var pairs: [(String, String)] = []

  mutating func add(_ key: String, _ value: some CustomStringConvertible) {
    pairs.append((key, value.description))
  }

  mutating func add(_ key: String, seconds: Double) {
    pairs.append((key, String(format: "%.3f", seconds)))
  }

  mutating func add(_ key: String, rate: Double) {
    pairs.append((key, String(format: "%.0f", rate)))
  }

  /// The median, p90 and p99 of latencies in microseconds (sorted), with `decimals` places.
  mutating func add(latencies sorted: [Double], decimals: Int) {
    for (key, fraction) in [("lat_median_us", 0.5), ("lat_p90_us", 0.9), ("lat_p99_us", 0.99)] {
      pairs.append((key, String(format: "%.\(decimals)f", percentile(sorted, fraction))))
    }
  }

  func print() {
    Swift.print(pairs.map { "\($0.0)=\($0.1)" }.joined(separator: " "))
  }
}

/// Monotonic seconds.
func now() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_MONOTONIC, &spec)
  return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// The size of a database after a clean close (the WAL checkpointed and removed).
func databaseBytes(_ path: String) -> Int {
  ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
}

/// Latency percentiles in microseconds.
func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
  guard !sorted.isEmpty else { return 0 }
  return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction + 0.5))]
}

/// `--name value` from the arguments, or a default.
func option(_ name: String, _ fallback: String) -> String {
  let arguments = CommandLine.arguments
  guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
  return arguments[index + 1]
}
