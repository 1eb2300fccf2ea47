import Benchmark
import LedgerCore
import LedgerStorage
import LedgerTestSupport

// The append and replay hot paths one piece at a time, with allocation counts, so that a
// regression shows as a number: `swift package benchmark` from `Benchmarks/`. Counts are per
// iteration (`.kilo` scaling divides by the thousand runs of each body).

/// A `CredentialEarned` record as workload W stores it.
func sampleRecord() -> EventRecord {
  let event = LedgerEvent.credentialEarned(CredentialEarned(individual: "ind-000123", credential: "AZ-104"))
  return EventRecord(
    position: 123_456, id: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", stream: event.stream, streamVersion: 42,
    typeName: event.typeName, schemaVersion: LedgerEvent.currentSchemaVersion,
    effective: CivilDate(year: 2021, month: 3, day: 4)!, recorded: RecordedInstant(microseconds: 1_614_816_000_000_000),
    actor: nil, corrects: nil, reason: nil, payload: event.canonicalPayload, hash: HashChain.genesis)
}

/// `count` events of new individuals, the `n`-th batch of them.
func batch(_ n: Int, count: Int) -> [ProposedEvent] {
  (0..<count).map { i in
    ProposedEvent(
      effective: CivilDate(year: 2021, month: 1 + i % 12, day: 1 + i % 28)!,
      event: .credentialEarned(CredentialEarned(individual: "ind-\(n)-\(i)", credential: "AZ-104")),
      expectedVersion: 0)
  }
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
    warmupIterations: 10,
    scalingFactor: .kilo,
    maxDuration: .seconds(2),
    maxIterations: 1_000
  )

  Benchmark("Canonical record bytes") { benchmark in
    let record = sampleRecord()
    for _ in benchmark.scaledIterations { blackHole(record.canonicalBytes) }
  }

  Benchmark("Canonical payload") { benchmark in
    let event = LedgerEvent.credentialEarned(CredentialEarned(individual: "ind-000123", credential: "AZ-104"))
    for _ in benchmark.scaledIterations { blackHole(event.canonicalPayload) }
  }

  Benchmark("Chain hash and Merkle leaf") { benchmark in
    let canonical = sampleRecord().canonicalBytes
    for _ in benchmark.scaledIterations {
      blackHole(HashChain.link(previous: HashChain.genesis, canonical: canonical))
      blackHole(MerkleTree.leafHash(canonical))
    }
  }

  Benchmark("Decode stored payload") { benchmark in
    let record = sampleRecord()
    for _ in benchmark.scaledIterations {
      blackHole(try LedgerEvent(typeName: record.typeName, payload: record.payload))
    }
  }

  // W2 in small: 1,000 stored events read back and decoded, so the allocations per row (the
  // record, its payload, the typed event) show as a number.
  Benchmark(
    "Replay 1000 stored events",
    configuration: .init(scalingFactor: .one, maxDuration: .seconds(5), maxIterations: 500)
  ) { benchmark in
    let directory = TemporaryDirectory()
    let log = try SQLiteEventLog(path: directory.file("replay.sqlite"), durability: .normal)
    _ = try log.append(batch(0, count: 1_000))
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      var credentials = 0
      try await log.forEachEvent(from: 1, knownAt: 1_000) { event in
        if case .credentialEarned = event.event { credentials += 1 }
      }
      blackHole(credentials)
    }
    benchmark.stopMeasurement()
  }

  // One W1 transaction: 1,000 events of new streams, judged, sealed and written. The log
  // is synchronous=NORMAL so the figure is the work, not the disk's flush.
  Benchmark(
    "Append batch of 1000",
    configuration: .init(scalingFactor: .one, maxDuration: .seconds(5), maxIterations: 200)
  ) { benchmark in
    let directory = TemporaryDirectory()
    let log = try SQLiteEventLog(path: directory.file("micro.sqlite"), durability: .normal)
    var n = 0
    for _ in benchmark.scaledIterations {
      let events = batch(n, count: 1_000)
      n += 1
      benchmark.startMeasurement()
      blackHole(try log.append(events))
      benchmark.stopMeasurement()
    }
  }
}
