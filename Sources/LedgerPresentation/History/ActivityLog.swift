import Foundation
public import LedgerCore

/// The activity log Partner Center offers, from the event log: when each fact was recorded,
/// whom it affected, what was done and by whom. Voided events stay listed; their corrections
/// are listed too.
public enum ActivityLog {
  /// The CSV header.
  public static let header = "recorded,position,effective,organization,affected,action,user,role,event,writer"

  /// The CSV line of one stored record (RFC 4180 quoting, formulas neutralised).
  public static func csvLine(_ entry: LogEntry) throws -> String {
    try fields(entry).map(OutputText.csvCell).joined(separator: ",")
  }

  /// The tab-separated line of one stored record, every control character escaped.
  public static func textLine(_ entry: LogEntry) throws -> String {
    try fields(entry).map { OutputText.escaped($0) }.joined(separator: "\t")
  }

  /// The fields of one stored record, in the header's order.
  /// - Throws: ``StoredDataError`` when the record does not decode.
  public static func fields(_ entry: LogEntry) throws -> [String] {
    let record = entry.record
    let event = try record.decodedFromStorage().event
    var action = record.typeName
    if let corrects = record.corrects { action += " (correction of \(corrects))" }
    if let voidedBy = entry.voidedBy { action += " (voided at position \(voidedBy))" }
    if record.unchecked { action += " (imported unchecked)" }
    return [
      record.recorded.description, "\(record.position)", record.effective.description, event.organization ?? "",
      affected(event), action, record.actor?.id ?? "", record.actor?.role ?? "", record.id,
      record.writer ?? "",
    ]
  }

  /// The customer or individual the event is about, else its organization.
  static func affected(_ event: LedgerEvent) -> String {
    switch event {
    case .credentialEarned(let earned): "individual \(earned.individual)"
    case .individualAssociated(let associated): "individual \(associated.individual)"
    case .individualDeparted(let departed): "individual \(departed.individual)"
    case .consumptionReported(let row): "customer \(row.customer)"
    case .customerReferenceSubmitted(let reference): "customer \(reference.customer)"
    default: event.organization.map { "organization \($0)" } ?? ""
    }
  }
}
