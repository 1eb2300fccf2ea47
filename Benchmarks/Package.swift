// swift-tools-version: 6.1
import PackageDescription

// The ledger's benchmarks, a package of their own so the main build and CI never compile them.
let package = Package(
  name: "ledger-benchmarks",
  platforms: [.macOS(.v14)],
  dependencies: [
    .package(name: "membership-ledger", path: ".."),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "ledger-bench",
      dependencies: [
        .product(name: "LedgerCore", package: "membership-ledger"),
        .product(name: "LedgerStorage", package: "membership-ledger"),
        .product(name: "LedgerPostgres", package: "membership-ledger"),
        .product(name: "LedgerCatalog", package: "membership-ledger"),
        .product(name: "Projections", package: "membership-ledger"),
        .product(name: "LedgerQueries", package: "membership-ledger"),
        .product(name: "LedgerTestSupport", package: "membership-ledger"),
      ]
    ),
    // Micro-benchmarks with allocation counts: `swift package benchmark` (from this folder).
    .executableTarget(
      name: "LedgerMicro",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "LedgerCore", package: "membership-ledger"),
        .product(name: "LedgerStorage", package: "membership-ledger"),
        .product(name: "LedgerTestSupport", package: "membership-ledger"),
      ],
      path: "Benchmarks/LedgerMicro",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
  ]
)
