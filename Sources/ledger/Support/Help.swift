/// Every subcommand's help in one shape: what it does, one example, and the exit codes it
/// can return (sysexits, as the README's table gives them).
enum Help {
  /// The words for each exit code.
  static let meanings: [Int32: String] = [
    0: "success", 64: "bad usage", 65: "bad input data, nothing written", 66: "missing input file or database",
    69: "refused by a gate, or a sink did not take an alert", 70: "internal error",
    73: "a file to create already exists", 74: "storage fault (disk full, read-only, I/O), nothing written",
    75: "the database stayed locked; try again",
  ]

  /// `body`, then `Example: …`, then the exit codes.
  static func text(_ body: String, example: String, exits: [Int32]) -> String {
    let codes = exits.map { "\($0) \(meanings[$0] ?? "")" }.joined(separator: "; ")
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
      """, example: example, exits: [0, 64, 65, 69, 74, 75])
  }

  /// The exit codes of a read-only query.
  static let queryExits: [Int32] = [0, 64, 65, 66, 74]
}
