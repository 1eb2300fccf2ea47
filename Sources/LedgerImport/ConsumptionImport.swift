public import Foundation
public import LedgerCore

/// Turns a Partner Center Insights ACR export (CSV) into `ConsumptionReported` events.
///
/// Required columns: `PartnerID` (the organization), `CustomerTenantId`, `SubscriptionId`,
/// `Month`, `ACR_USD`, `AssociationType`, `OfferType`; optional: the service columns
/// `ServiceLevel1`…`ServiceLevel4`, `ServiceGroup2`, `ServiceGroup3`, `ServiceInfluencer`,
/// `ComputeOS`, `ComputeOSAttribute`, `ComputeCoreSoftware`, `AdjustmentType`. Other columns
/// are ignored; empty cells are absent fields.
public struct ConsumptionImport {
  static let required = [
    "PartnerID", "CustomerTenantId", "SubscriptionId", "Month", "ACR_USD", "AssociationType", "OfferType",
  ]
  /// The place of each required column in ``required``.
  private enum Required: Int {
    case partner, customer, subscription, month, amount, association, offerType
  }
  static let serviceColumns = [
    "ServiceLevel1", "ServiceLevel2", "ServiceLevel3", "ServiceLevel4", "ServiceGroup2", "ServiceGroup3",
    "ServiceInfluencer", "ComputeOS", "ComputeOSAttribute", "ComputeCoreSoftware", "AdjustmentType",
  ]

  /// The file name used in problems.
  public let file: String
  /// The field index of each of ``required``, in its order, found once from the header (empty
  /// until a good header was read).
  private var requiredIndices: [Int] = []
  /// The service columns the header has: name, event field and field index.
  private var serviceIndices: [(column: String, field: String, index: Int)] = []
  /// The problems of the last reading, in file order.
  public private(set) var problems = ProblemList()
  /// Rows of the last reading.
  public private(set) var rows = 0

  /// Starts an import of `file`.
  public init(file: String) {
    self.file = file
  }

  /// Reads the export a block at a time, handing each row's event to `event` and keeping
  /// the problems (one per bad row); memory stays constant however long the file.
  /// - Parameters:
  ///   - progress: called every 1,000 rows with the count so far.
  ///   - event: takes each good row's event; without it the rows are only checked (no event
  ///     is encoded, no id derived).
  /// - Throws: what reading the file or `event` throws.
  public mutating func read(
    _ handle: FileHandle, progress: (Int) -> Void = { _ in },
    event: ((ProposedEvent, SourceLine) async throws -> Void)? = nil
  ) async throws {
    (requiredIndices, serviceIndices, problems, rows) = ([], [], ProblemList(), 0)
    do {
      try await CSVReader.forEachRecord(in: handle) { line, fields in
        if requiredIndices.isEmpty {
          try header(fields, line: line)
          return
        }
        rows += 1
        if rows % 1_000 == 0 { progress(rows) }
        let source = SourceLine(file: file, line: line)
        let proposed: ProposedEvent
        do throws(EventValidationError) {
          proposed = try self.event(fields, identified: event != nil)
        } catch {
          problems.add(InputProblem(source: source, reason: error.reason))
          return
        }
        try await event?(proposed, source)
      }
    } catch let problem as CSVReader.Problem {
      problems.add(
        InputProblem(
          source: SourceLine(file: file, line: problem.line), reason: "column \(problem.column): \(problem.reason)"))
    } catch let problem as InputProblem {
      problems.add(problem)
    }
    if requiredIndices.isEmpty, problems.isEmpty {
      problems.add(InputProblem(source: SourceLine(file: file, line: 1), reason: "no header row"))
    }
  }

  private mutating func header(_ fields: [String], line: Int) throws {
    var columns: [String: Int] = [:]
    for (index, name) in fields.enumerated() {
      let column = Self.trimmed(name)
      if let earlier = columns[column], !column.isEmpty {
        throw InputProblem(
          source: SourceLine(file: file, line: line),
          reason: "column \(column) appears twice (fields \(earlier + 1) and \(index + 1))")
      }
      columns[column] = index
    }
    let missing = Self.required.filter { columns[$0] == nil }
    guard missing.isEmpty else {
      throw InputProblem(
        source: SourceLine(file: file, line: line), reason: "missing column(s) \(missing.joined(separator: ", "))")
    }
    requiredIndices = Self.required.compactMap { columns[$0] }
    serviceIndices = zip(Self.serviceColumns, ConsumptionReported.serviceFieldNames).compactMap { column, field in
      columns[column].map { (column, field, $0) }
    }
  }

  /// The row's event; `identified` derives its id (encoding the payload, kept for the append).
  private func event(_ fields: [String], identified: Bool) throws(EventValidationError) -> ProposedEvent {
    func cell(_ name: String, at index: Int) throws(EventValidationError) -> String? {
      guard index < fields.count else { return nil }
      let value = Self.trimmed(fields[index])
      guard !value.isEmpty else { return nil }
      do {
        return try CanonicalText.canonical(value, field: name, kind: .identifier)
      } catch {
        throw EventValidationError("column \(error.reason.dropFirst("field ".count))")
      }
    }
    func required(_ column: Required) throws(EventValidationError) -> String {
      let name = Self.required[column.rawValue]
      guard let value = try cell(name, at: requiredIndices[column.rawValue]) else {
        throw EventValidationError("column \(name): empty")
      }
      return value
    }
    let monthText = try required(.month)
    guard let month = Self.month(monthText) else {
      throw EventValidationError(
        "column Month: \"\(monthText)\" is not a month (YYYY-MM, YYYY-MM-DD or M/D/YYYY with a four-digit year)")
    }
    let amountText = try required(.amount)
    guard case .number(let amount)? = try? JSONParser.parse(Array(amountText.utf8)) else {
      throw EventValidationError("column ACR_USD: \"\(amountText)\" is not a number")
    }
    var service: [String: String] = [:]
    for (column, field, index) in serviceIndices {
      if let value = try cell(column, at: index) { service[field] = value }
    }
    let row = ConsumptionReported(
      org: try required(.partner), customer: try required(.customer),
      subscription: try required(.subscription), month: month, amount: amount,
      association: Self.association(try required(.association)), offerType: try required(.offerType),
      service: service)
    let effective = month.adding(months: 1).firstDay.adding(days: -1)
    var proposed = ProposedEvent(effective: effective, event: .consumptionReported(row))
    guard identified else { return proposed }
    // The same row imported again has the same id, so a re-import is a no-op; a restated
    // amount is a new event that restates the old one.
    let payload = proposed.encodePayload()
    proposed.id = ContentDigest.id("acr-", of: Array(effective.description.utf8) + payload)
    return proposed
  }

  /// `text` without leading and trailing spaces and tabs (cheap when there are none).
  static func trimmed(_ text: String) -> String {
    let utf8 = text.utf8
    guard let first = utf8.first, let last = utf8.last,
      first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09
    else { return text }
    let inner = utf8.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()
    return String(decoding: Array(inner), as: UTF8.self)
  }

  /// `YYYY-MM`, `YYYY-MM-DD` or `M/D/YYYY` as a month. A year of fewer than four digits
  /// (`1/1/21`) is refused: it could mean 1921, 2021 or the year 21.
  static func month(_ text: String) -> YearMonth? {
    if let month = try? YearMonth(parsing: text) { return month }
    if let date = try? CivilDate(parsing: text) { return YearMonth(date) }
    let texts = text.split(separator: "/", omittingEmptySubsequences: false)
    let parts = texts.compactMap { Int($0) }
    guard parts.count == 3, texts.count == 3, texts[2].count == 4,
      let date = CivilDate(year: parts[2], month: parts[0], day: parts[1])
    else { return nil }
    return YearMonth(date)
  }

  /// The ledger's name for an Insights association type; unknown ones are kept as given.
  static func association(_ text: String) -> String {
    switch text.lowercased() {
    case "dpor", "digital partner of record", "partner of record": "DPOR"
    case "pal", "partner admin link": "PAL"
    case "tpor", "transacting partner of record": "TPOR"
    case "csp tier 1", "csp direct", "csp direct-bill", "csp-direct", "tier 1": "CSP-direct"
    case "csp tier 2", "csp indirect", "csp indirect reseller", "csp-indirect", "tier 2": "CSP-indirect"
    default: text
    }
  }
}
