import ArgumentParser
import Foundation
import Logging
import NextSend

/// `nextsend`: what enablement content to send next, to whom in a buying group, and why.
@main
struct NextSendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nextsend",
        abstract: "Send the right enablement content to the right people in a buying group.",
        discussion: """
            Keeps a catalog of enablement content (Markdown files tagged by buying job, role and topic), \
            reads buying groups, finds their conflicts and stalled jobs, and recommends what to send next.
            Exit codes follow sysexits: 64 usage, 65 bad data, 66 missing input, 73 cannot create output, \
            74 I/O error, 75 database busy (try again).
            """,
        version: NextSendVersion.current,
        subcommands: [Catalog.self, Group.self, Next.self, Note.self, Sent.self, Consumed.self, Dismiss.self, Retract.self, Digest.self, Deliver.self, Generate.self,
                      Demo.self, Serve.self, Token.self, CRM.self, DB.self, TaxonomyCommands.self]
    )

    /// Runs the command, turning NextSend's errors into a message on stderr and a sysexits code.
    static func main() async {
        // Log lines go to stderr, so they never mix with results on stdout.
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            if let code = Failure.exitCode(for: error) {
                Failure.report(error)
                Foundation.exit(code)
            }
            exit(withError: error)
        }
    }
}
