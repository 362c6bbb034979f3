import ArgumentParser
import Foundation
import Logging
import NextSend

/// `nextsend`: what enablement content to send next, to whom in a buying group, and why.
public struct NextSendCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
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

    public init() {}

    /// The binary's entry: runs the process's command line with its streams and exits with the status.
    /// (Not `main()`: ArgumentParser's own `main()` would be chosen and refuse an async root.)
    public static func runAsProcess() async {
        // Log lines of the libraries go to stderr too, so they never mix with results on stdout.
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let status = await run(Array(CommandLine.arguments.dropFirst()))
        if status != 0 { Foundation.exit(status) }
    }

    /// Runs one command line (without the program name) with `CommandIO.current` and returns its exit
    /// status: NextSend's errors as a message on stderr and a sysexits code, ArgumentParser's usage
    /// errors, help and version as the binary prints them.
    public static func run(_ arguments: [String]) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
            return 0
        } catch {
            if let code = Failure.exitCode(for: error) {
                Failure.report(error)
                return code
            }
            let status = exitCode(for: error).rawValue
            let message = fullMessage(for: error)
            if !message.isEmpty {
                // Help and --version are answers (stdout); anything else is a complaint (stderr).
                if status == 0 { Console.print(message) } else { Console.error(message) }
            }
            return status
        }
    }
}
