import ArgumentParser
import Foundation
import NextSend
import NextSendReports
import NextSendStore

extension NextSendCommand {
    /// `nextsend token …`: the service's API tokens, kept in the database.
    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "token",
            abstract: "Add, list and revoke the API tokens `serve` accepts, kept in the database.",
            discussion: """
                Each token has a name (recorded as who made each write), optionally the rep's e-mail (signing in lands on their \
                groups) and --manager (the team page). The database keeps only a hash of each token: the token is printed once, \
                by 'token add'. Every 'serve' instance on the same database accepts it; a revoked token stops working within \
                5 seconds. --tokens-file and NEXTSEND_TOKEN keep working beside the stored tokens.
                """,
            subcommands: [Add.self, List.self, Revoke.self]
        )

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "add", abstract: "Make a new token and print it, once.")

            @Argument(help: ArgumentHelp("A name for who holds it: a person or a system (crm-sidebar).", valueName: "name")) var name: String
            @Option(help: ArgumentHelp("The rep's e-mail, as groups name their owner.", valueName: "email")) var rep: String?
            @Flag(help: "May see every rep's groups on the team page (needs --rep).") var manager = false
            @Option(help: ArgumentHelp("The last day the token works, YYYY-MM-DD (default: until revoked).", valueName: "date"))
            var expires: Day?
            @OptionGroup var store: StoreOptions
            @OptionGroup var date: DateOptions
            @OptionGroup var output: OutputOptions

            func run() throws {
                let desk = try store.desk()
                let (token, stored): (String, StoredAccessToken)
                do {
                    (token, stored) = try desk.addToken(name: name, rep: rep, isManager: manager, expires: expires, asOf: date.day)
                } catch let error as DeskError where error.field == "name" {
                    throw UserError.badData("NAME: " + error.message)  // an argument, not an option
                }
                if output.json {
                    try Console.printJSON(TokenLine(stored, token: token))
                    return
                }
                Console.print(token)
                Console.error("nextsend: token '\(stored.name)' added\(stored.expires.map { ", valid through \($0)" } ?? ""); "
                    + "it is shown only now: keep it somewhere safe (the database keeps only its hash)")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "The stored tokens: name, rep, created, last used, expiry (never the tokens).")

            @OptionGroup var store: StoreOptions
            @OptionGroup var date: DateOptions
            @OptionGroup var output: OutputOptions

            func run() throws {
                let tokens = try store.desk().tokens()
                if output.json {
                    try Console.printJSON(tokens.map { TokenLine($0, token: nil) })
                    return
                }
                guard !tokens.isEmpty else {
                    Console.print("No tokens are stored; add one with 'nextsend token add NAME'.")
                    return
                }
                let today = date.day
                Console.print(Console.table(tokens.map { token in
                    [token.name, token.rep ?? "-", token.isManager ? "manager" : "-", token.created.description,
                     token.lastUsed?.description ?? "never",
                     token.expires.map { token.isValid(on: today) ? $0.description : "\($0) (expired)" } ?? "-"]
                }, header: ["NAME", "REP", "ROLE", "CREATED", "LAST USED", "EXPIRES"]))
            }
        }

        struct Revoke: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Remove a token: it stops working at once here, within 5 seconds on every serve.")

            @Argument(help: ArgumentHelp("The token's name.", valueName: "name")) var name: String
            @OptionGroup var store: StoreOptions
            @OptionGroup var output: OutputOptions

            func run() throws {
                try store.desk().revokeToken(name: name)
                if output.json {
                    struct Revoked: Encodable { var name: String; var revoked = true }
                    try Console.printJSON(Revoked(name: name))
                } else {
                    Console.print("Revoked token '\(name)'.")
                }
            }
        }
    }
}

/// A stored token as `token list --json` and `token add --json` print it.
struct TokenLine: Encodable {
    var name: String
    var rep: String?
    var manager: Bool
    var created: String
    var lastUsed: String?
    var expires: String?
    /// Only from `token add`: the one time it is shown.
    var token: String?

    init(_ stored: StoredAccessToken, token: String?) {
        name = stored.name
        rep = stored.rep
        manager = stored.isManager
        created = stored.created.description
        lastUsed = stored.lastUsed?.description
        expires = stored.expires?.description
        self.token = token
    }
}
