/// Text from events made safe to print: no field can start a new line, move the cursor,
/// recolour a terminal or reorder what follows it, and no CSV cell runs as a formula.
public enum OutputText {
  /// `text` with every control character (C0, DEL, C1), bidirectional control and line or
  /// paragraph separator written as a visible escape: `\n`, `\t`, `\r`, else `\u{1B}`.
  /// A backslash is doubled, so an escape in the output always means one in the data;
  /// JSON text (`json`), whose backslashes are its own escapes already, keeps them.
  public static func escaped(_ text: String, json: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: { (!json && $0 == "\\") || isUnsafe($0) }) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      case "\\" where !json: out += "\\\\"
      case _ where isUnsafe(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// One RFC 4180 CSV cell: quoted when needed, and a cell that a spreadsheet would run as a
  /// formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is prefixed with
  /// `'`, so it is shown as text.
  public static func csvCell(_ field: String) -> String {
    var text = field
    if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingQuotes() + "\""
  }

  private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
    default: false
    }
  }
}

extension String {
  fileprivate func replacingQuotes() -> String {
    var out = ""
    for character in self { out += character == "\"" ? "\"\"" : String(character) }
    return out
  }
}
