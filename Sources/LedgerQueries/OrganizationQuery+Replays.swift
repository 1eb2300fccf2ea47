import Foundation
import LedgerCore
import Projections

extension OrganizationQuery {
  /// `fold` of each organization's replay as known at `knownAt`, in the order of `orgs`;
  /// `nil` for an organization no visible event names. The log is read here, one
  /// organization after another, while up to one fold per core runs beside it: folds are
  /// pure and CPU-bound, and the log's connection is one.
  func replays<Answer: Sendable>(
    of orgs: some Sequence<String>, knownAt: Int64, _ fold: @escaping @Sendable (OrganizationTimeline) -> Answer
  ) async throws -> [Answer?] {
    var answers: [Answer?] = []
    try await withThrowingTaskGroup(of: (index: Int, answer: Answer).self) { group in
      var running = 0
      for org in orgs {
        let index = answers.count
        answers.append(nil)
        let timeline: OrganizationTimeline
        do {
          timeline = try await self.timeline(of: org, knownAt: knownAt)
        } catch is UnknownOrganization {
          continue
        }
        if running == Self.foldsAtOnce, let done = try await group.next() {
          answers[done.index] = done.answer
          running -= 1
        }
        group.addTask { (index, fold(timeline)) }
        running += 1
      }
      while let done = try await group.next() { answers[done.index] = done.answer }
    }
    return answers
  }

  /// How many organizations fold at once: one per core.
  private static let foldsAtOnce = max(1, ProcessInfo.processInfo.activeProcessorCount)
}
