public import LedgerCore

/// A stretch of days on which a later-recorded fact changed an answer about the past: from
/// `from` (through `until`, or on), each aspect's answer as known then → as known now.
public struct Restatement: Equatable, Sendable {
  /// The first day of the stretch.
  public let from: CivilDate
  /// The last day of the stretch, `nil` when it runs to the end of the period asked about.
  public let until: CivilDate?
  /// Each aspect that differs: the old answer as `before`, the new one as `after`.
  public let changes: [StateChange]

  /// Compares two replays' entries day by day through `end`: wherever the answers differ,
  /// one restatement per stretch of identical differences.
  static func between(old: [HistoryEntry], new: [HistoryEntry], through end: CivilDate) -> [Restatement] {
    let oldSteps = steps(old)
    let newSteps = steps(new)
    let days = Set(oldSteps.map(\.date)).union(newSteps.map(\.date)).filter { $0 <= end }.sorted()
    var (oldAnswer, newAnswer) = (OrganizationSnapshot(), OrganizationSnapshot())
    var (oldIndex, newIndex) = (0, 0)
    var open: (from: CivilDate, changes: [StateChange])?
    var result: [Restatement] = []
    for day in days {
      while oldIndex < oldSteps.count, oldSteps[oldIndex].date <= day {
        oldAnswer = oldSteps[oldIndex].snapshot
        oldIndex += 1
      }
      while newIndex < newSteps.count, newSteps[newIndex].date <= day {
        newAnswer = newSteps[newIndex].snapshot
        newIndex += 1
      }
      let changes = newAnswer.changes(from: oldAnswer)
      if open?.changes == changes { continue }
      if let stretch = open {
        result.append(Restatement(from: stretch.from, until: day.adding(days: -1), changes: stretch.changes))
      }
      open = changes.isEmpty ? nil : (day, changes)
    }
    if let stretch = open { result.append(Restatement(from: stretch.from, until: nil, changes: stretch.changes)) }
    return result
  }

  /// The answer at the end of each day with entries.
  private static func steps(_ entries: [HistoryEntry]) -> [(date: CivilDate, snapshot: OrganizationSnapshot)] {
    var snapshot = OrganizationSnapshot()
    var steps: [(date: CivilDate, snapshot: OrganizationSnapshot)] = []
    for entry in entries {
      snapshot = snapshot.applying(entry.changes)
      if steps.last?.date == entry.date { steps.removeLast() }
      steps.append((entry.date, snapshot))
    }
    return steps
  }
}

extension OrganizationSnapshot {
  /// This snapshot with `changes` applied.
  func applying(_ changes: [StateChange]) -> OrganizationSnapshot {
    var result = self
    for change in changes { result.set(change.aspect.subject, change.aspect.name, change.after) }
    return result
  }
}
