import Foundation
import LedgerCore
import LedgerPostgres
import LedgerStorage

/// Workload W of `../shared/bench/README.md`, mapped onto the ledger's vocabulary: stream
/// `individual/ind-%06d`; version 1 is an `IndividualAssociated` (the registration), versions
/// 2…100 are `CredentialEarned` with the workload's certification and effective-date formulas.
enum WorkloadW {
  static let certifications = [
    "AZ-104", "AZ-204", "AZ-303", "AZ-304", "AZ-400", "AZ-500", "DP-203", "AI-102", "MS-500", "MS-700",
    "MS-720", "SC-200", "SC-300", "SC-400", "PL-400", "MB-800", "70-533", "70-532", "70-535", "70-483",
  ]

  static func stream(_ i: Int) -> String {
    let digits = String(i)
    return "ind-" + String(repeating: "0", count: 6 - digits.count) + digits
  }

  static func event(stream i: Int, version v: Int) -> ProposedEvent {
    let individual = stream(i)
    let year = 2015 + (i + v) % 10
    let month = 1 + (3 * i + v) % 12
    let day = 1 + (7 * i + v) % 28
    let effective = CivilDate(year: year, month: month, day: day)!
    let event: LedgerEvent =
      v == 1
      ? .individualAssociated(IndividualAssociated(individual: individual, org: "org-\(i % 100)"))
      : .credentialEarned(CredentialEarned(individual: individual, credential: certifications[(7 * i + 13 * v) % 20]))
    return ProposedEvent(effective: effective, event: event, expectedVersion: v - 1)
  }

  /// W1: append streams × perStream events round-robin, one transaction per batch. With
  /// `writers` > 1 this process is writer `writer` of them and appends only its share of the
  /// streams (`i % writers == writer`), into a log the others append to at the same time.
  static func append(
    path: String, streams: Int, perStream: Int, batch: Int, durability: Durability, writer: Int, writers: Int
  ) async throws {
    if !BenchLog.isServer(path) {
      for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
    var figures = Figures()
    do {
      let log = try await BenchLog.open(path, writing: true, durability: durability)
      try await append(
        into: log, streams: streams, perStream: perStream, batch: batch, share: (writer, writers),
        figures: &figures)
      figures.add("sync", durability.rawValue)
      if writers > 1 { figures.add("writer", "\(writer) of \(writers)") }
      if let server = log as? PostgresEventLog { figures.add("db_bytes", Int(try await server.storedBytes())) }
    }
    // The log is closed here: WAL checkpointed and removed, as the shared programs measure.
    if !BenchLog.isServer(path) { figures.add("db_bytes", databaseBytes(path)) }
    figures.print()
  }

  private static func append(
    into log: any EventLog, streams: Int, perStream: Int, batch: Int, share: (writer: Int, of: Int),
    figures: inout Figures
  ) async throws {
    var pending: [ProposedEvent] = []
    pending.reserveCapacity(batch)
    var total = 0
    var transactions = 0
    let started = now()
    for v in 1...perStream {
      for i in 0..<streams where i % share.of == share.writer {
        pending.append(event(stream: i, version: v))
        if pending.count == batch {
          total += try await log.append(pending).appended.count
          transactions += 1
          pending.removeAll(keepingCapacity: true)
        }
      }
    }
    if !pending.isEmpty {
      total += try await log.append(pending).appended.count
      transactions += 1
    }
    let elapsed = now() - started
    figures.add("op", "append")
    figures.add("batch", batch)
    figures.add("events", total)
    figures.add("txns", transactions)
    figures.add("append_s", seconds: elapsed)
    figures.add("events_per_s", rate: Double(total) / elapsed)
  }

  /// W2: every event in global order, decoded into typed events.
  static func replay(path: String) async throws {
    let log = try await BenchLog.open(path, writing: false)
    let head = try await log.headPosition()
    var count = 0
    var orderErrors = 0
    var last: Int64 = 0
    var credentials = 0
    let started = now()
    try await log.forEachEvent(from: 1, knownAt: head) { event in
      count += 1
      if event.position != last + 1 { orderErrors += 1 }
      last = event.position
      if case .credentialEarned = event.event { credentials += 1 }
    }
    let elapsed = now() - started
    var figures = Figures()
    figures.add("op", "replay")
    figures.add("events", count)
    figures.add("credentials", credentials)
    figures.add("order_errors", orderErrors)
    figures.add("replay_s", seconds: elapsed)
    figures.add("events_per_s", rate: Double(count) / elapsed)
    figures.print()
  }

  /// W3: whole-stream reads of streams picked by the workload's LCG, decoded.
  static func read(path: String, samples: Int, seed: UInt64, streams: Int) async throws {
    let log = try await BenchLog.open(path, writing: false)
    let head = try await log.headPosition()
    var state = seed
    var latencies: [Double] = []
    var rows = 0
    var versionErrors = 0
    for _ in 0..<samples {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let i = Int((state >> 33) % UInt64(streams))
      let started = now()
      let events = try await log.events(in: .individual(stream(i)), knownAt: head)
      latencies.append((now() - started) * 1e6)
      rows += events.count
      for (offset, event) in events.enumerated() where event.streamVersion != offset + 1 { versionErrors += 1 }
    }
    latencies.sort()
    var figures = Figures()
    figures.add("op", "read")
    figures.add("samples", samples)
    figures.add("rows", rows)
    figures.add("version_errors", versionErrors)
    figures.add(latencies: latencies, decimals: 1)
    figures.print()
  }
}
