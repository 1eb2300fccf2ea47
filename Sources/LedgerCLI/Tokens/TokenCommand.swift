import ArgumentParser

/// `ledger token`: bearer tokens for `ledger serve`.
struct TokenCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "token", abstract: "Issue or revoke the bearer tokens `ledger serve` signs actors in with.",
    discussion: Help.text(
      """
      Only the operator at the ledger's own file issues and revokes tokens: both are recorded as \
      events by the system actor (the token's id and the SHA-256 digest of its secret, never the \
      secret). The server gives a token's holder the roles the ledger grants its actor.
      """, example: "ledger token issue admin-contoso --expires 2027-03-01", exits: Help.gatedExits),
    subcommands: [TokenIssueCommand.self, TokenRevokeCommand.self])
}
