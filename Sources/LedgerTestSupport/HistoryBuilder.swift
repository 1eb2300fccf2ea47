import Foundation
public import LedgerCore

/// Builds recorded events in memory, positions in call order, for projection tests that need
/// no store.
public struct HistoryBuilder {
  /// The events so far, in position order.
  public private(set) var events: [RecordedEvent] = []

  /// An empty history.
  public init() {}

  /// The events a question sees once all are known: those no correction voids, as a log
  /// read gives them.
  public var visibleEvents: [RecordedEvent] {
    var voidedBy: [String: Int64] = [:]
    for event in events { if let target = event.corrects { voidedBy[target] = voidedBy[target] ?? event.position } }
    return events.filter { LogEntry(record: $0.record, voidedBy: voidedBy[$0.id]).isVisible(knownAt: .max) }
  }

  /// Records `event` effective on `date`; returns its id.
  @discardableResult
  public mutating func add(
    _ date: String, _ event: LedgerEvent, id: String? = nil, corrects: String? = nil, reason: String? = nil
  ) -> String {
    let position = Int64(events.count + 1)
    let record = EventRecord(
      position: position, id: id ?? "e\(position)", stream: event.stream, streamVersion: 1, typeName: event.typeName,
      schemaVersion: 1, effective: Samples.date(date), recorded: RecordedInstant(microseconds: position),
      actor: nil, corrects: corrects, reason: reason, payload: event.canonicalPayload, hash: [])
    events.append(RecordedEvent(record: record, event: event))
    return record.id
  }

  /// Enrols `org`.
  @discardableResult
  public mutating func enrol(_ org: String, on date: String = "2020-01-01", market: Market = .developed) -> String {
    add(date, .organizationEnrolled(OrganizationEnrolled(org: org, name: org.capitalized, market: market)))
  }

  /// `individual` earns `credential` and associates with `org` on `date`.
  public mutating func hire(
    _ individual: String, at org: String, holding credentials: [String], on date: String, expires: String? = nil
  ) {
    for credential in credentials {
      add(
        date,
        .credentialEarned(
          CredentialEarned(individual: individual, credential: credential, expires: expires.map(Samples.date))))
    }
    add(date, .individualAssociated(IndividualAssociated(individual: individual, org: org)))
  }

  /// `org` buys a membership at `level`.
  @discardableResult
  public mutating func purchase(_ org: String, _ level: Level, on date: String) -> String {
    add(date, .membershipPurchased(MembershipPurchased(org: org, level: level)))
  }

  /// One month of DPOR consumption of `amount` for `org`.
  public mutating func consume(_ org: String, _ amount: Int, month: String, customer: String = "c1") {
    let yearMonth = try! YearMonth(parsing: month)
    add(
      yearMonth.adding(months: 1).firstDay.adding(days: -1).description,
      .consumptionReported(
        ConsumptionReported(
          org: org, customer: customer, subscription: "s-\(customer)", month: yearMonth, amount: Decimal(amount),
          association: "DPOR", offerType: "Pay-As-You-Go")))
  }
}
