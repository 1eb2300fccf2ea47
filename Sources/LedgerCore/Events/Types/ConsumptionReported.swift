public import Foundation

/// One month of Azure consumed revenue (ACR) of one customer subscription, as attributed to
/// an organization, with the service fields the specialization filters read.
///
/// A later report for the same organization, subscription, month and service key restates
/// the earlier one.
public struct ConsumptionReported: EventPayload {
  public static let typeName = "ConsumptionReported"
  /// The names of the optional service fields, in the order of the Insights export.
  public static let serviceFieldNames = [
    "serviceLevel1", "serviceLevel2", "serviceLevel3", "serviceLevel4", "serviceGroup2",
    "serviceGroup3", "serviceInfluencer", "computeOS", "computeOSAttribute",
    "computeCoreSoftware", "adjustmentType",
  ]

  /// The organization's id.
  public var org: String
  /// The customer (tenant) id.
  public var customer: String
  /// The subscription id.
  public var subscription: String
  /// The month consumed.
  public var month: YearMonth
  /// The amount in US dollars.
  public var amount: Decimal
  /// The partner-customer association (`DPOR`, `PAL`, `CSP-direct`, `CSP-indirect`, `TPOR`, …).
  public var association: String
  /// The subscription's offer type (`Trial`, `Internal`, …).
  public var offerType: String
  /// The service fields that are present, by name (see ``serviceFieldNames``).
  public var service: [String: String]

  /// Creates the event.
  public init(
    org: String, customer: String, subscription: String, month: YearMonth, amount: Decimal,
    association: String, offerType: String, service: [String: String] = [:]
  ) {
    self.org = org
    self.customer = customer
    self.subscription = subscription
    self.month = month
    self.amount = amount
    self.association = association
    self.offerType = offerType
    self.service = service
  }

  /// Reads the fields in key order (service fields fall among the others), as stored.
  package init(reading fields: inout some FieldReading) throws(EventValidationError) {
    var service: [String: String] = [:]
    func readService(_ names: StaticString...) throws(EventValidationError) {
      for name in names {
        if let value = try fields.optionalString(name) { service[name.description] = value }
      }
    }
    try readService("adjustmentType")
    amount = try fields.decimal("amount")
    association = try fields.string("association")
    try readService("computeCoreSoftware", "computeOS", "computeOSAttribute")
    customer = try fields.string("customer")
    month = try fields.month("month")
    offerType = try fields.string("offerType")
    org = try fields.string("org")
    try readService(
      "serviceGroup2", "serviceGroup3", "serviceInfluencer", "serviceLevel1", "serviceLevel2", "serviceLevel3",
      "serviceLevel4")
    subscription = try fields.string("subscription")
    self.service = service
  }

  package func write(to fields: inout FieldWriter) {
    fields.set("org", org)
    fields.set("customer", customer)
    fields.set("subscription", subscription)
    fields.set("month", month)
    fields.set("amount", amount)
    fields.set("association", association)
    fields.set("offerType", offerType)
    for name in ConsumptionReported.serviceFieldNames {
      fields.set(name, service[name])
    }
  }

  public var stream: StreamName { .organization(org) }

  public var event: LedgerEvent { .consumptionReported(self) }
}
