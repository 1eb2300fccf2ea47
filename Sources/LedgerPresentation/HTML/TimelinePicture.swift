public import LedgerCore
public import Projections

/// The timeline as a picture (SVG): a band per row (the membership, then each competency's
/// attained level) coloured by level from day to day, the days at risk marked on the
/// competency's band, a tick for each event and each time-driven change, and the stretches a
/// later record restated shaded.
public struct TimelinePicture {
  /// One stretch of a row at one value.
  public struct Band: Equatable, Sendable {
    /// The row: `membership` or a competency id.
    public let row: String
    /// `gold`, `silver`, or `at-risk` (drawn over the competency's band).
    public let value: String
    /// The first day, and the day after the last.
    public let from: CivilDate, until: CivilDate
  }

  /// The first and the last day drawn.
  public let start: CivilDate, end: CivilDate
  /// The rows, top to bottom, with their labels.
  public let rows: [(id: String, label: String)]
  /// The bands.
  public let bands: [Band]
  /// The days with an event (`event`) or a time-driven change (`time`).
  public let marks: [(day: CivilDate, kind: String)]
  /// The stretches a later record restated.
  public let restated: [(from: CivilDate, until: CivilDate)]

  /// The picture of `history` through `end`, with `restatements` shaded; `names` labels the
  /// competency rows.
  public init(history: [HistoryEntry], through end: CivilDate, restatements: [Restatement], names: [String: String]) {
    let start = history.first?.date ?? end
    let last = max(end, start.adding(days: 1))
    (self.start, self.end) = (start, last)
    var open: [String: (value: String, from: CivilDate)] = [:]
    var bands: [Band] = []
    var order: [String] = []
    func close(_ key: String, on day: CivilDate) {
      guard let current = open.removeValue(forKey: key) else { return }
      let row = key.hasSuffix("#risk") ? String(key.dropLast(5)) : key
      if day > current.from { bands.append(Band(row: row, value: current.value, from: current.from, until: day)) }
    }
    for entry in history where entry.date <= end {
      for change in entry.changes {
        let (subject, name) = (change.aspect.subject, change.aspect.name)
        let key: String
        let value: String?
        switch name {
        case "membership":
          key = "membership"
          value = change.after == "none" ? nil : String(change.after.prefix { $0 != " " && $0 != "," })
        case "attained":
          key = subject
          value = change.after == "none" ? nil : change.after
        case "alert":
          key = subject + "#risk"
          value = change.after == "none" ? nil : "at-risk"
        default: continue
        }
        let row = key.hasSuffix("#risk") ? String(key.dropLast(5)) : key
        if !order.contains(row) { order.append(row) }
        close(key, on: entry.date)
        if let value { open[key] = (value, entry.date) }
      }
    }
    for key in open.keys.sorted() { close(key, on: last) }
    let competencies = order.filter { $0 != "membership" }
    rows = [("membership", "Membership")] + competencies.map { ($0, names[$0] ?? $0) }
    self.bands = bands
    marks = history.filter { $0.date <= end }.map { entry in
      if case .event = entry.source { (entry.date, "event") } else { (entry.date, "time") }
    }
    restated = restatements.map { ($0.from, $0.until?.adding(days: 1) ?? last) }
  }

  private static let (labelWidth, plotWidth, rowHeight) = (190.0, 760.0, 22.0)

  private func x(_ day: CivilDate) -> Double {
    let span = Double(max(1, end.dayNumber - start.dayNumber))
    return Self.labelWidth + Self.plotWidth * Double(day.dayNumber - start.dayNumber) / span
  }

  /// The picture.
  public var svg: String {
    let height = Double(rows.count) * Self.rowHeight + 34
    var parts: [String] = []
    for (index, row) in rows.enumerated() {
      let y = Double(index) * Self.rowHeight + 4
      parts.append("<text x=\"4\" y=\"\(y + 14)\">\(HTML.escape(row.label))</text>")
      parts.append(
        "<rect x=\"\(Self.labelWidth)\" y=\"\(y)\" width=\"\(Self.plotWidth)\" height=\"16\" fill=\"#f3f3f3\"/>")
      for band in bands where band.row == row.id {
        let risk = band.value == "at-risk"
        let fill = risk ? "#e67e22" : band.value == "gold" ? "#f2c94c" : "#b0bec5"
        parts.append(
          """
          <rect class="band band-\(HTML.escape(band.value))" data-row="\(HTML.escape(row.id))" \
          data-from="\(band.from)" data-until="\(band.until)" x="\(x(band.from))" y="\(risk ? y + 11 : y)" \
          width="\(max(1, x(band.until) - x(band.from)))" height="\(risk ? 5 : 16)" fill="\(fill)">\
          <title>\(HTML.escape(row.label)): \(HTML.escape(band.value)) from \(band.from) until \(band.until)</title></rect>
          """)
      }
    }
    let axis = Double(rows.count) * Self.rowHeight + 8
    for (day, kind) in marks {
      parts.append(
        "<line class=\"mark mark-\(kind)\" data-day=\"\(day)\" x1=\"\(x(day))\" x2=\"\(x(day))\" y1=\"\(axis)\" "
          + "y2=\"\(axis + 8)\" stroke=\"\(kind == "event" ? "#243a5e" : "#8e44ad")\"/>")
    }
    for stretch in restated {
      parts.append(
        "<rect class=\"restated\" data-from=\"\(stretch.from)\" data-until=\"\(stretch.until)\" x=\"\(x(stretch.from))\" "
          + "y=\"0\" width=\"\(max(2, x(stretch.until) - x(stretch.from)))\" height=\"\(axis)\"/>")
    }
    for year in (start.year + 1)...max(start.year + 1, end.year) {
      guard let day = try? CivilDate(parsing: "\(year)-01-01"), day <= end else { continue }
      parts.append("<text x=\"\(x(day) - 12)\" y=\"\(axis + 22)\">\(year)</text>")
    }
    return """
      <svg id="timeline" xmlns="http://www.w3.org/2000/svg" width="\(Self.labelWidth + Self.plotWidth + 10)" \
      height="\(height)" role="img" aria-label="Membership and competency levels from \(start) to \(end)">\
      \(parts.joined())</svg>
      """
  }
}
