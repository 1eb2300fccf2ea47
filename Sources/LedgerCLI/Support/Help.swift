/// Every subcommand's help in one shape: what it does, one example, and the exit codes it
/// can return (sysexits, as the README's table gives them).
enum Help {
  /// `body`, then `Example: …`, then the exit codes.
  static func text(_ body: String, example: String, exits: [ExitStatus]) -> String {
    let codes = exits.map { "\($0.rawValue) \($0.meaning)" }.joined(separator: "; ")
    return body + "\n\nExample: " + example + "\n\nExit codes: " + codes + "."
  }

  /// The help of a gated command.
  static func gated(example: String) -> String {
    text(
      """
      Decided as --actor, on --effective (default today, UTC): the actor's role comes from the \
      ledger's own grants as known now, and the program's gates are checked on that day. One \
      event is recorded (--json prints it), or the refusal is printed in the program's words \
      and nothing is written. See docs/commands.md.
      """, example: example, exits: gatedExits)
  }

  /// The exit codes of a command the program's gates decide on.
  static let gatedExits: [ExitStatus] = [.success, .usage, .dataError, .refused, .ioError, .temporaryFailure]

  /// The exit codes of a read-only query.
  static let queryExits: [ExitStatus] = [.success, .usage, .dataError, .noInput, .ioError]
}
