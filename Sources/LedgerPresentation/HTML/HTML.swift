import Foundation

/// Building blocks of the server's pages: escaping, and the page every view sits in. Pages are
/// plain server-rendered HTML with no script: a form posts, a link navigates.
public enum HTML {
  /// `text` with the five characters HTML gives meaning escaped, safe in text and in quoted
  /// attribute values.
  public static func escape(_ text: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&#39;"
      default: escaped.append(character)
      }
    }
    return escaped
  }

  /// `id` as one segment of a URL path, percent-encoded: ids may hold spaces, slashes and any
  /// character.
  public static func pathSegment(_ id: String) -> String {
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "/?#%;&")
    return id.addingPercentEncoding(withAllowedCharacters: allowed) ?? id
  }

  /// ``pathSegment(_:)``, escaped for an attribute.
  public static func segment(_ id: String) -> String { escape(pathSegment(id)) }

  /// A whole page: `title`, the signed-in `actor` (with a sign-out form) and `body`.
  public static func page(title: String, actor: String?, csrf: String?, body: String) -> String {
    let account =
      actor.map { actor in
        """
        <form class="account" method="post" action="/ui/logout">\(csrf.map(csrfField) ?? "")\
        <span>Signed in as <b>\(escape(actor))</b></span> <button type="submit">Sign out</button></form>
        """
      } ?? ""
    return """
      <!doctype html>
      <html lang="en"><head><meta charset="utf-8"><title>\(escape(title)) · membership ledger</title>
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <style>\(style)</style></head>
      <body><header><a href="/ui">membership ledger</a>\(account)</header>
      <main>\(body)</main></body></html>
      """
  }

  /// The hidden field that carries a session's CSRF token in every form it posts.
  public static func csrfField(_ token: String) -> String {
    "<input type=\"hidden\" name=\"csrf\" value=\"\(escape(token))\">"
  }

  /// A level as a badge: `gold`, `silver` or `none`.
  static func level(_ level: String?) -> String {
    let value = level ?? "none"
    return "<span class=\"level level-\(escape(value))\">\(escape(value))</span>"
  }

  private static let style = """
    body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1b1b1b}header{display:flex;gap:1em;\
    justify-content:space-between;align-items:center;padding:.6em 1.2em;background:#243a5e;color:#fff}\
    header a{color:#fff;font-weight:600;text-decoration:none}main{padding:1em 1.2em;max-width:70em}\
    table{border-collapse:collapse;margin:.5em 0 1.2em}td,th{border-bottom:1px solid #ddd;padding:.3em .7em;\
    text-align:left;vertical-align:top}.level{padding:0 .4em;border-radius:.3em;font-size:.9em}\
    .level-gold{background:#f2c94c}.level-silver{background:#cfd8dc}.level-none{background:#eee;color:#666}\
    .alert{background:#fff4e5;border-left:4px solid #e67e22;padding:.5em .8em;margin:.4em 0}\
    .missing{color:#a33}.restated{fill:#e74c3c;fill-opacity:.25}.met{color:#1e7d32}.unmet{color:#a33}\
    form.inline{display:inline}svg text{font:11px system-ui,sans-serif}
    """
}
