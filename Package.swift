// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
  name: "membership-ledger",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "ledger", targets: ["ledger"]),
    // `ledger serve` runs this program, built apart so that `swift run ledger` never waits for
    // the HTTP stack.
    .executable(name: "ledger-server", targets: ["ledger-server"]),
    // `ledger` runs this program for a postgres:// database, built apart so that `swift run
    // ledger` never waits for PostgresNIO.
    .executable(name: "ledger-postgres", targets: ["ledger-postgres"]),
    .library(name: "LedgerCore", targets: ["LedgerCore"]),
    .library(name: "LedgerStorage", targets: ["LedgerStorage"]),
    .library(name: "LedgerPostgres", targets: ["LedgerPostgres"]),
    .library(name: "LedgerCatalog", targets: ["LedgerCatalog"]),
    .library(name: "Projections", targets: ["Projections"]),
    .library(name: "LedgerQueries", targets: ["LedgerQueries"]),
    .library(name: "LedgerPresentation", targets: ["LedgerPresentation"]),
    .library(name: "LedgerImport", targets: ["LedgerImport"]),
    .library(name: "LedgerNotifications", targets: ["LedgerNotifications"]),
    .library(name: "LedgerCommands", targets: ["LedgerCommands"]),
    // The generators and fixtures the tests and the benchmarks (a package of their own) share.
    .library(name: "LedgerTestSupport", targets: ["LedgerTestSupport"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    // Only the server needs these; `ledger` itself builds without them.
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    // Only the PostgreSQL backend (and `ledger-postgres`, which `ledger` runs for a
    // `postgres://` database) needs this.
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
  ],
  targets: [
    .systemLibrary(
      name: "CSQLite",
      pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"])]
    ),
    .target(
      name: "LedgerCore",
      dependencies: [.product(name: "Crypto", package: "swift-crypto")],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "LedgerStorage",
      dependencies: ["CSQLite", "LedgerCore"],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "LedgerPostgres",
      dependencies: [
        "LedgerCore", .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "LedgerCatalog",
      dependencies: ["LedgerCore"],
      resources: [.copy("Resources/catalog")],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "Projections",
      dependencies: ["LedgerCore", "LedgerCatalog"],
      path: "Projections",
      swiftSettings: swiftSettings
    ),
    .target(
      name: "LedgerQueries",
      dependencies: ["LedgerCore", "LedgerCatalog", "Projections"],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "LedgerPresentation",
      dependencies: ["LedgerCore", "LedgerCatalog", "Projections", "LedgerQueries"],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "LedgerImport",
      dependencies: ["LedgerCore"],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "LedgerNotifications",
      dependencies: ["LedgerCore", "LedgerQueries", "LedgerPresentation"],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "LedgerCommands",
      dependencies: [
        "LedgerCore", "LedgerCatalog", "Projections", "LedgerQueries",
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "LedgerCLI",
      dependencies: [
        "LedgerCore", "LedgerStorage", "LedgerCatalog", "Projections", "LedgerQueries", "LedgerPresentation",
        "LedgerImport", "LedgerNotifications", "LedgerCommands",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      resources: [.copy("Resources/demo.ndjson")],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "ledger",
      dependencies: ["LedgerCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
      swiftSettings: swiftSettings
    ),
    // The same commands with the PostgreSQL backend, which `ledger` runs for a postgres:// URL.
    .executableTarget(
      name: "ledger-postgres",
      dependencies: [
        "LedgerCLI", "LedgerCore", "LedgerPostgres", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "LedgerServer",
      dependencies: [
        "LedgerCore", "LedgerStorage", "LedgerCatalog", "Projections", "LedgerQueries", "LedgerPresentation",
        "LedgerCommands", .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "Prometheus", package: "swift-prometheus"),
      ],
      resources: [.copy("Resources/openapi.json")],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "ledger-server",
      dependencies: [
        "LedgerServer", "LedgerCatalog", "LedgerCore", "LedgerStorage", "LedgerPostgres",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
        .product(name: "Metrics", package: "swift-metrics"), .product(name: "Prometheus", package: "swift-prometheus"),
      ],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "LedgerTestSupport",
      dependencies: ["LedgerCore", "LedgerStorage", "LedgerCatalog", "LedgerCommands"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "LedgerCoreTests",
      dependencies: ["LedgerCore", "LedgerTestSupport"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "LedgerStorageTests",
      dependencies: ["LedgerCore", "LedgerStorage", "LedgerTestSupport"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "EventLogContractTests",
      dependencies: [
        "ledger", "ledger-postgres", "ledger-server", "LedgerCore", "LedgerStorage", "LedgerPostgres",
        "LedgerTestSupport",
        .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "LedgerImportTests",
      dependencies: ["LedgerCore", "LedgerImport"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "LedgerNotificationsTests",
      dependencies: ["LedgerCore", "LedgerNotifications", "LedgerStorage", "LedgerTestSupport"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "LedgerCatalogTests",
      dependencies: ["LedgerCore", "LedgerCatalog"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "ProjectionsTests",
      dependencies: [
        "LedgerCore", "LedgerCatalog", "Projections", "LedgerQueries", "LedgerPresentation", "LedgerStorage",
        "LedgerTestSupport",
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "LedgerCommandsTests",
      dependencies: [
        "LedgerCommands", "LedgerCore", "LedgerCatalog", "LedgerStorage", "Projections", "LedgerTestSupport",
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "LedgerServerTests",
      dependencies: [
        "LedgerServer", "LedgerCore", "LedgerCatalog", "LedgerCommands", "LedgerStorage", "LedgerQueries",
        "LedgerPresentation", "Projections", "LedgerTestSupport", .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "LedgerCLITests",
      dependencies: [
        "ledger", "ledger-server", "LedgerCore", "LedgerCatalog", "LedgerStorage", "LedgerQueries",
        "LedgerPresentation", "LedgerNotifications", "LedgerTestSupport",
      ],
      swiftSettings: swiftSettings
    ),
  ]
)
