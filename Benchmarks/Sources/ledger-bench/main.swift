import Foundation
import LedgerCore
import LedgerStorage

// ledger-bench PHASE DB [options]: one line of key=value figures on stdout.
//   w1 DB [--streams 10000] [--per-stream 100] [--batch 1000] [--sync full|normal]
//        [--writers N --writer K]   this process appends streams i % N == K (run N at once)
//   (W1–W3 take a SQLite path or a postgres:// URL, whose database W1 expects empty)
//   w2 DB                      every event in global order, decoded
//   w3 DB [--samples 1000] [--seed 42] [--streams 10000]
//   generate DB --events N     realistic program histories for W4 and W5
//   w4 DB [--as-of 2021-12-31] [--organizations N]  every (or N spread) organization's status rebuilt
//   w5 DB [--samples 1000] [--seed 5] [--at-head] [--profile]  `status` (or `profile`) as known
//        at random positions, or at the head (from the read models when `project` folded them through it)
//   tree DB [--samples 200] [--seed 7] [--verify]  root, proofs (and a full verify) at the head
//   project DB                 the read models dropped and folded from scratch
//   catchup DB [--events 1000] [--day 2022-06-30]  new events, then the catch-up and a notify pass
//   alerts DB [--day 2022-06-30] [--replay]  every organization's alerts from the read models
//        (or each organization replayed)
let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
  FileHandle.standardError.write(
    Data("usage: ledger-bench w1|w2|w3|generate|w4|w5|tree|project|catchup|alerts DB [options]\n".utf8))
  exit(64)
}
let path = arguments[2]
do {
  switch arguments[1] {
  case "w1":
    try await WorkloadW.append(
      path: path, streams: Int(option("--streams", "10000"))!, perStream: Int(option("--per-stream", "100"))!,
      batch: Int(option("--batch", "1000"))!, durability: Durability(rawValue: option("--sync", "full"))!,
      writer: Int(option("--writer", "0"))!, writers: Int(option("--writers", "1"))!)
  case "w2": try await WorkloadW.replay(path: path)
  case "w3":
    try await WorkloadW.read(
      path: path, samples: Int(option("--samples", "1000"))!, seed: UInt64(option("--seed", "42"))!,
      streams: Int(option("--streams", "10000"))!)
  case "generate": try ProgramHistories.generate(path: path, events: Int(option("--events", "1000000"))!)
  case "w4":
    try await ProjectionWorkloads.rebuild(
      path: path, asOf: try CivilDate(parsing: option("--as-of", "2021-12-31")),
      limit: Int(option("--organizations", "0")).flatMap { $0 > 0 ? $0 : nil })
  case "w5":
    try await ProjectionWorkloads.queries(
      path: path, samples: Int(option("--samples", "1000"))!, seed: UInt64(option("--seed", "5"))!,
      atHead: arguments.contains("--at-head"), profile: arguments.contains("--profile"))
  case "tree":
    try TreeWorkload.measure(
      path: path, samples: Int(option("--samples", "200"))!, seed: UInt64(option("--seed", "7"))!)
  case "project": try await ReadModelWorkloads.rebuild(path: path)
  case "catchup":
    try await ReadModelWorkloads.catchUp(
      path: path, events: Int(option("--events", "1000"))!, day: try CivilDate(parsing: option("--day", "2022-06-30")))
  case "alerts":
    try await ReadModelWorkloads.alerts(
      path: path, day: try CivilDate(parsing: option("--day", "2022-06-30")), replaying: arguments.contains("--replay"))
  default:
    FileHandle.standardError.write(Data("unknown phase \(arguments[1])\n".utf8))
    exit(64)
  }
} catch {
  FileHandle.standardError.write(Data("ledger-bench: \(error)\n".utf8))
  exit(70)
}
