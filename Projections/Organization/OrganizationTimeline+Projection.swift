public import LedgerCore

extension OrganizationTimeline {
  /// What a read model keeps of the organization through `end`, from one replay: the alert
  /// transitions and renewal reminders (as ``alerts(through:)`` gives them) and the status on
  /// every day (``StatusTimeline``).
  public func projection(
    through end: CivilDate
  ) -> (
    transitions: [AlertTransition], reminders: [RenewalReminder], statuses: StatusTimeline
  ) {
    var walk = TimelineWalk(org: facts.org, catalogs: catalogs)
    walk.statusTimeline = StatusTimeline(org: facts.org, horizon: end, pieces: [], transitions: [])
    walk.run(facts.events, through: end)
    var statuses = walk.statusTimeline!
    statuses.transitions = walk.transitions
    return (walk.transitions, walk.reminders, statuses)
  }
}
