import ArgumentParser
import Foundation

/// `ledger serve`: runs the HTTP server, `ledger-server`, from beside this executable.
///
/// The server is a program of its own so that `ledger` builds without the HTTP stack (a
/// first `swift run ledger demo` then takes minutes, not the five or so more that
/// Hummingbird and SwiftNIO add); `ledger serve` replaces itself with it, so signals reach
/// the server directly and it stops gracefully.
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve", abstract: "Serve the HTTP API (bearer tokens from `ledger token issue`).",
    discussion: Help.text(
      """
      Runs `ledger-server`, built beside `ledger` (`swift build --product ledger-server`, or any \
      full `swift build`). Answers the queries the CLI answers, as JSON, to actors signed in with \
      a bearer token, each seeing only what their roles allow; stops gracefully on SIGINT or \
      SIGTERM. See docs/server.md.
      """, example: "ledger serve --db ledger.sqlite --port 8080", exits: [.success, .usage, .noInput, .refused]))

  @OptionGroup var database: DatabaseOptions

  @Option(help: "The address to listen on.") var host = "127.0.0.1"
  @Option(help: "The port to listen on (0: any free port, printed when listening).") var port = 8080

  func run() async throws {
    try await reportingFailures {
      try SiblingProgram(name: "ledger-server").exec(
        ["--db", database.resolvedPath, "--host", host, "--port", "\(port)"])
    }
  }
}
