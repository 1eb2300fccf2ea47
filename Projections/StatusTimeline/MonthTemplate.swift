import LedgerCore

/// Words that name months relative to the day they describe: the words of a requirement whose
/// window moves each month ("… over 2023-08…2023-10") change every month although nothing
/// else does, and the replay visits no day for that once the figures are out of every window.
/// A template replaces each month (`YYYY-MM`, not part of a date) with its distance from a
/// reference month, so such words read the same in every month, and renders them for another.
///
/// This holds because every month the catalog's words name is a window's, which ends at the
/// day's month; the status timeline's tests compare it with the replay on days years past
/// the last event.
enum MonthTemplate {
  /// Marks a month's distance in a template: a control character, never in the catalog's words.
  static let marker: UInt8 = 0x01

  /// Templates made for one reference month, each made once: a replay's statuses repeat the
  /// same words day after day. (The walk's own statuses come with templates from the memo;
  /// this serves those it evaluates afresh, with a cap on competencies per individual.)
  struct Cache {
    private var month: YearMonth?
    private var templates: [String: String] = [:]

    /// `specializations` with their words as templates relative to `reference`, remembered
    /// until the month changes.
    mutating func templates(
      of specializations: [SpecializationStatus], relativeTo reference: YearMonth
    ) -> [SpecializationStatus] {
      if month != reference {
        month = reference
        templates.removeAll(keepingCapacity: true)
      }
      return specializations.map { status in
        status.rewritingWords { text in
          guard MonthTemplate.namesAMonth(text) else { return text }
          if let known = templates[text] { return known }
          let made = MonthTemplate.template(text, relativeTo: reference)
          templates[text] = made
          return made
        }
      }
    }
  }

  /// Whether a template or a rendering may change `text`: it names a month, or is a template.
  static func mayChange(_ text: String) -> Bool { namesAMonth(text) || text.utf8.contains(marker) }

  /// Whether `text` names a month: a quick look before a template is made.
  static func namesAMonth(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count >= 7 else { return false }
    return (4..<bytes.count - 2).contains { bytes[$0] == UInt8(ascii: "-") && month(in: bytes, at: $0 - 4) != nil }
  }

  /// `text` with every month written as its distance from `reference`.
  static func template(_ text: String, relativeTo reference: YearMonth) -> String {
    let bytes = Array(text.utf8)
    guard bytes.count >= 7 else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = 0
    let base = number(reference)
    while index < bytes.count {
      if let month = month(in: bytes, at: index) {
        out.append(marker)
        out.append(contentsOf: String(month - base).utf8)
        out.append(marker)
        index += 7
      } else {
        out.append(bytes[index])
        index += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The words of `template` for `reference`'s month.
  static func render(_ template: String, at reference: YearMonth) -> String {
    guard template.utf8.contains(marker) else { return template }
    var out = ""
    let base = number(reference)
    for (index, part) in template.split(separator: Character(UnicodeScalar(marker)), omittingEmptySubsequences: false)
      .enumerated()
    {
      if index % 2 == 0 {
        out += part
      } else {
        let month = base + (Int(part) ?? 0)
        out += YearMonth(year: month / 12, month: month % 12 + 1).map(\.description) ?? String(part)
      }
    }
    return out
  }

  /// The month starting at `index` (four digits, a hyphen, two digits, not inside a longer
  /// run of digits or a date), as a month number.
  private static func month(in bytes: [UInt8], at index: Int) -> Int? {
    guard index + 7 <= bytes.count, bytes[index + 4] == UInt8(ascii: "-") else { return nil }
    if index > 0, isDigit(bytes[index - 1]) || bytes[index - 1] == UInt8(ascii: "-") { return nil }
    if index + 7 < bytes.count, isDigit(bytes[index + 7]) || bytes[index + 7] == UInt8(ascii: "-") { return nil }
    var year = 0
    for offset in 0..<4 {
      guard isDigit(bytes[index + offset]) else { return nil }
      year = year * 10 + Int(bytes[index + offset] - UInt8(ascii: "0"))
    }
    guard isDigit(bytes[index + 5]), isDigit(bytes[index + 6]) else { return nil }
    let month = Int(bytes[index + 5] - UInt8(ascii: "0")) * 10 + Int(bytes[index + 6] - UInt8(ascii: "0"))
    guard (1...12).contains(month), year >= 1 else { return nil }
    return year * 12 + month - 1
  }

  private static func number(_ month: YearMonth) -> Int { month.year * 12 + month.month - 1 }

  private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
}

extension OrganizationStatus {
  /// The status with its specializations' words as templates relative to `month`.
  func templated(relativeTo month: YearMonth, cache: inout MonthTemplate.Cache) -> OrganizationStatus {
    with(specializations: cache.templates(of: specializations, relativeTo: month))
  }

  /// The status with its specializations' word templates rendered for `month`.
  func rendered(at month: YearMonth) -> OrganizationStatus {
    with(
      specializations: specializations.map { status in status.rewritingWords { MonthTemplate.render($0, at: month) } })
  }

  private func with(specializations: [SpecializationStatus]) -> OrganizationStatus {
    OrganizationStatus(
      org: org, name: name, asOf: asOf, catalogVersion: catalogVersion, membership: membership,
      competencies: competencies, specializations: specializations, alerts: alerts,
      alertTransitions: alertTransitions)
  }
}

extension SpecializationStatus {
  /// The status with `rewrite` applied to each of its words that a template or a rendering
  /// may change.
  fileprivate func rewritingWords(_ rewrite: (String) -> String) -> SpecializationStatus {
    guard
      missing.contains(where: MonthTemplate.mayChange) || missingBeforeAudit.contains(where: MonthTemplate.mayChange)
    else { return self }
    return SpecializationStatus(
      specialization: specialization, stage: stage, activeSince: activeSince, anniversary: anniversary,
      heldByValidityYear: heldByValidityYear, auditValidUntil: auditValidUntil,
      approvedReferences: approvedReferences, references: references, auditPending: auditPending,
      missing: missing.map(rewrite), missingBeforeAudit: missingBeforeAudit.map(rewrite))
  }
}
