/// The sign-in page: a bearer token (from `ledger token issue`) exchanged for a session.
public enum LoginPage {
  /// The page, with `problem` in words when the last try failed.
  public static func html(problem: String?) -> String {
    HTML.page(
      title: "Sign in", actor: nil, csrf: nil,
      body: """
        <h1>Sign in</h1>\(problem.map { "<p class=\"alert\" role=\"alert\">\(HTML.escape($0))</p>" } ?? "")
        <form method="post" action="/ui/login"><label>Token <input name="token" type="password" \
        autocomplete="off" required size="60"></label> <button type="submit">Sign in</button></form>
        <p>Your operator issues tokens with <code>ledger token issue YOUR-ID</code>.</p>
        """)
  }
}
