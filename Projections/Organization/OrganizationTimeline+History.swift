public import LedgerCore

extension OrganizationTimeline {
  /// The replay for audits through `end`: every event that touched the organization and every
  /// day time alone changed something, in effective order, with what each changed.
  public func history(through end: CivilDate) -> [HistoryEntry] {
    var walk = TimelineWalk(org: facts.org, catalogs: catalogs)
    walk.journal = []
    walk.run(facts.events, through: end)
    return walk.journal ?? []
  }

  /// The renewal-at-risk transitions and renewal reminders through `end`, in order.
  public func alerts(through end: CivilDate) -> (transitions: [AlertTransition], reminders: [RenewalReminder]) {
    var walk = TimelineWalk(org: facts.org, catalogs: catalogs)
    walk.run(facts.events, through: end)
    return (walk.transitions, walk.reminders)
  }

  /// What this timeline says differently from `earlier` (the same organization as known at an
  /// earlier position) about the days through `end`, stretch by stretch.
  public func restatements(comparedWith earlier: OrganizationTimeline, through end: CivilDate) -> [Restatement] {
    Restatement.between(old: earlier.history(through: end), new: history(through: end), through: end)
  }
}
