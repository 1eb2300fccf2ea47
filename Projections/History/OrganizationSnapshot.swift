/// What the program shows for one organization at one moment, flattened into named aspects
/// (the membership, each competency's attained and displayed level and alert, each
/// specialization's status) so two moments compare aspect by aspect.
///
/// Only aspects away from their default value are stored: an absent aspect reads as its
/// default (`none`, or `not-started` for a specialization).
public struct OrganizationSnapshot: Equatable, Sendable {
  /// The value of each aspect that is not at its default.
  public private(set) var values: [Aspect: String] = [:]

  /// One thing the program shows: a subject (`membership`, a competency or specialization id)
  /// and what about it (`level`, `attained`, `displayed`, `alert`, `status`).
  public struct Aspect: Hashable, Comparable, Sendable {
    /// The membership, a competency id or a specialization id.
    public let subject: String
    /// What about the subject.
    public let name: String

    /// Creates an aspect.
    public init(subject: String, name: String) {
      self.subject = subject
      self.name = name
    }

    /// The value the aspect has when nothing sets it.
    public var defaultValue: String { name == "status" ? "not-started" : "none" }

    public static func < (lhs: Aspect, rhs: Aspect) -> Bool {
      (lhs.order, lhs.subject, lhs.name) < (rhs.order, rhs.subject, rhs.name)
    }

    /// Membership first, then competencies, then specializations.
    private var order: Int {
      switch name {
      case "membership": 0
      case "status": 2
      default: 1
      }
    }
  }

  /// A snapshot with every aspect at its default.
  public init() {}

  /// Sets `aspect` to `value` (its default removes it).
  mutating func set(_ subject: String, _ name: String, _ value: String?) {
    let aspect = Aspect(subject: subject, name: name)
    values[aspect] = value == aspect.defaultValue ? nil : value
  }

  /// The value of `aspect`, its default when unset.
  public subscript(aspect: Aspect) -> String {
    values[aspect] ?? aspect.defaultValue
  }

  /// Every aspect whose value differs from `earlier`, in a stable order.
  public func changes(from earlier: OrganizationSnapshot) -> [StateChange] {
    Set(values.keys).union(earlier.values.keys).sorted().compactMap { aspect in
      let (before, after) = (earlier[aspect], self[aspect])
      return before == after ? nil : StateChange(aspect: aspect, before: before, after: after)
    }
  }
}
