/// What the read models hold of one organization's statuses, when they are current
/// (``ReadModelStore/projectedStatuses(of:at:)``).
public enum ProjectedStatuses: Equatable, Sendable {
  /// No model: no event visible at the checkpoint names the organization.
  case none
  /// The organization's status timeline, as the projections encode it.
  case encoded([UInt8])
}
