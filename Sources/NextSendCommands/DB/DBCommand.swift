import ArgumentParser
import Foundation
import NextSend
import NextSendStore

extension NextSendCommand {
    /// `nextsend db …`: the database itself.
    struct DB: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "db",
            abstract: "Work with the database itself.",
            subcommands: [Copy.self]
        )

        struct Copy: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "copy",
                abstract: "Copy a team's data between SQLite and PostgreSQL (either way), checked by counts.",
                discussion: """
                    FROM and TO are each a SQLite file or a postgres://USER@HOST[:PORT]/DB URL. Everything is copied row for row: \
                    the catalog and taxonomy, every group with its whole history and where each fact came from, the digest ledger \
                    and the CRM mapping. The copy is one transaction, read from one consistent view of FROM, and every table is \
                    counted on both sides before it commits. A TO that already holds a catalog or groups is refused (exit 73) \
                    unless --force, which replaces what it holds.
                    """
            )

            @Argument(help: ArgumentHelp("The database to copy from.", valueName: "from")) var from: String
            @Argument(help: ArgumentHelp("The database to copy into (created or migrated as needed).", valueName: "to")) var to: String
            @Flag(help: "Replace what TO already holds.") var force = false
            @OptionGroup var output: OutputOptions

            func run() throws {
                let source = try StoreOptions.open(from)
                let target = try StoreOptions.open(to)
                guard let source = source as? any SQLStore, let target = target as? any SQLStore else {
                    throw UserError(description: "db copy works between SQLite and PostgreSQL stores", code: Failure.usage)
                }
                let summary = try StoreCopy.copy(from: source, to: target, force: force)
                if output.json {
                    try Console.printJSON(summary)
                    return
                }
                var lines = ["Copied \(summary.from) to \(summary.to): \(Words.count(summary.rows, "row")), every table counted on both sides."]
                lines.append(Console.table(summary.tables.map { [$0.table, "\($0.rows)"] }, header: ["TABLE", "ROWS"]))
                Console.print(lines.joined(separator: "\n"))
            }
        }
    }
}
