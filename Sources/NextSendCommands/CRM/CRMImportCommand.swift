import ArgumentParser
import Foundation
import NextSend
import NextSendCRM
import NextSendPostgres
import NextSendReports
import NextSendStore

extension NextSendCommand {
    /// `nextsend crm …`: buying groups from CRM exports.
    struct CRM: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "crm",
            abstract: "Read buying groups from CRM exports.",
            subcommands: [Import.self, Mapping.self]
        )

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "import",
                abstract: "Import open opportunities, their people, stage history and content sends from a CRM export folder.",
                discussion: """
                    salesforce DIR: a Data Loader or weekly Data Export folder (Opportunity, Account, Contact, \
                    OpportunityContactRole, User; OpportunityHistory, Task, Event and their WhoRelation files, EmailMessage and \
                    EmailMessageRelation when present). Claims are read from task and event descriptions and e-mail bodies \
                    (an incoming e-mail as its sender's), each under its record (note:salesforce:<Id>). \
                    Every fact carries its opportunity as its origin (salesforce:<Id>): importing the same export again changes \
                    nothing, and what reps recorded in NextSend stays. An opportunity closed since the last import closes its group. \
                    hubspot DIR: the deals, contacts and companies exports (and e-mails, meetings, calls, notes, whose bodies are \
                    read for claims), as HubSpot writes them; \
                    column labels and owners' e-mails come from the mapping. Groups are hs-<Record ID>, origins hubspot:<Record ID>. \
                    Skipped rows are reported with file:line; exit 65 only for a file that cannot be read as the export.
                    """
            )

            enum Source: String, ExpressibleByArgument, CaseIterable { case salesforce, hubspot }

            @Argument(help: "salesforce or hubspot") var source: Source
            @Argument(help: "The export folder.") var directory: String
            @Option(help: ArgumentHelp("The mapping file; it is stored for this CRM and used by later imports. Without it: the one stored for this CRM, else NextSend's shipped default.", valueName: "path"))
            var mapping: String?
            @Flag(name: .customLong("include-closed"), help: "Closed opportunities become groups too.") var includeClosed = false
            @Flag(name: .customLong("dry-run"), help: "Read and report; write nothing.") var dryRun = false
            @Flag(help: "The export is complete: a deal stored from this CRM that it does not name is gone there, and is taken out as a deleted one is.")
            var full = false

            @OptionGroup var store: StoreOptions
            @OptionGroup var date: DateOptions
            @OptionGroup var output: OutputOptions
            @OptionGroup var log: LogOptions

            func run() throws {
                if dryRun, !PostgresLocation.isURL(self.store.path), !FileManager.default.fileExists(atPath: self.store.path) {
                    // A dry run writes nothing, a new database file included.
                    throw UserError.notFound("--db: no database at \(self.store.path); import a catalog into it first")
                }
                let desk = try store.desk()
                let outcome: CRMImportOutcome
                do {
                    outcome = try desk.importCRM(CRMSource(rawValue: source.rawValue)!, directory: directory, mappingPath: mapping,
                                                 includeClosed: includeClosed, full: full, dryRun: dryRun, today: date.day)
                } catch let error as CSVError {
                    throw UserError.badData(error.description)
                }
                if let said = outcome.mappingNote { Console.error("note: " + said) }
                if !outcome.reopened.isEmpty {
                    Console.error("note: \(dryRun ? "would reopen" : "reopened") \(outcome.reopened.joined(separator: ", ")): open again in \(source.rawValue)")
                }
                for note in outcome.read.notes { Console.error("note: " + note) }
                if log.verbose {
                    for skip in outcome.read.skipped { Console.error(skip.description) }
                } else {
                    // Counted by reason: a nightly run stays readable (--verbose lists every row).
                    for group in outcome.read.skippedByKind {
                        Console.error("skipped \(Words.count(group.count, "row")): \(group.kind) (\(group.first.joined(separator: ", "))\(group.count > 3 ? ", …" : ""))")
                    }
                    if outcome.read.skipped.count > outcome.read.skippedByKind.count { Console.error("note: --verbose lists every skipped row") }
                }
                if output.json {
                    try Console.printJSON(outcome)
                } else {
                    Console.print(outcome.lines.joined(separator: "\n"))
                }
            }
        }

        /// `crm mapping show salesforce|hubspot`: the mapping the next import of that CRM uses.
        struct Mapping: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "mapping", abstract: "Show the CRM mapping stored in the database.", subcommands: [Show.self])

            struct Show: ParsableCommand {
                static let configuration = CommandConfiguration(
                    commandName: "show",
                    abstract: "Print the mapping stored for a CRM (the one its next import uses), or say that none is stored."
                )

                @Argument(help: "salesforce or hubspot") var source: Import.Source
                @OptionGroup var store: StoreOptions

                func run() throws {
                    guard let stored = try store.desk().storedMapping(for: source.rawValue) else {
                        Console.print("No mapping is stored for \(source.rawValue): its first import uses \(ShippedMapping.name), or --mapping FILE.")
                        return
                    }
                    Console.print("# The mapping stored for \(source.rawValue), read from \(stored.source)")
                    Console.print(stored.yaml.hasSuffix("\n") ? String(stored.yaml.dropLast()) : stored.yaml)
                }
            }
        }
    }
}
