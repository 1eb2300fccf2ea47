/// One organization's read model: its alerts and its status on every day as known at a log
/// position, folded through a horizon day (questions about later days are answered by replay,
/// or after folding further).
public struct OrganizationReadModel: Equatable, Sendable {
  /// The organization.
  public let org: String
  /// The log position and horizon it was folded at.
  public let header: Header
  /// Its alerts through the horizon, in the replay's order.
  public let alerts: [ProjectedAlert]
  /// Its status timeline through the horizon, as the projections encode it (opaque to a store).
  public let statuses: [UInt8]

  /// Creates a read model.
  public init(org: String, header: Header, alerts: [ProjectedAlert], statuses: [UInt8]) {
    self.org = org
    self.header = header
    self.alerts = alerts
    self.statuses = statuses
  }

  /// The position a model was folded at and the last day it covers.
  public struct Header: Equatable, Sendable {
    /// The log position the model was folded at.
    public let foldedAt: Int64
    /// The last day the model's alerts cover.
    public let horizon: CivilDate

    /// Creates a header.
    public init(foldedAt: Int64, horizon: CivilDate) {
      self.foldedAt = foldedAt
      self.horizon = horizon
    }
  }
}
