/// The first page after signing in: the organizations the actor may read.
public enum IndexPage {
  /// The page listing `organizations` by id.
  public static func html(organizations: [String], actor: String, csrf: String) -> String {
    let items = organizations.map { org in
      "<li><a href=\"/ui/organizations/\(HTML.segment(org))\">\(HTML.escape(org))</a></li>"
    }.joined()
    return HTML.page(
      title: "Organizations", actor: actor, csrf: csrf,
      body: "<h1>Organizations</h1>"
        + (items.isEmpty ? "<p>No organization you may read.</p>" : "<ul id=\"organizations\">\(items)</ul>"))
  }
}
