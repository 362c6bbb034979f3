import ArgumentParser
import Foundation
import NextSend
import NextSendCRM
import NextSendStore

extension NextSendCommand {
    /// `nextsend crm …`: buying groups from CRM exports.
    struct CRM: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "crm",
            abstract: "Read buying groups from CRM exports.",
            subcommands: [Import.self]
        )

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Import open opportunities, their people, stage history and content sends from a CRM export folder.",
                discussion: """
                    salesforce DIR: a Data Loader or weekly Data Export folder (Opportunity, Account, Contact, \
                    OpportunityContactRole, User; OpportunityHistory, Task, Event and their WhoRelation files when present). \
                    Every fact carries its opportunity as its origin (salesforce:<Id>): importing the same export again changes \
                    nothing, and what reps recorded in NextSend stays. An opportunity closed since the last import closes its group. \
                    hubspot DIR: the deals, contacts and companies exports (and e-mails, meetings), as HubSpot writes them; \
                    column labels and owners' e-mails come from the mapping. Groups are hs-<Record ID>, origins hubspot:<Record ID>. \
                    Skipped rows are reported with file:line; exit 65 only for a file that cannot be read as the export.
                    """
            )

            enum Source: String, ExpressibleByArgument, CaseIterable { case salesforce, hubspot }

            @Argument(help: "salesforce or hubspot") var source: Source
            @Argument(help: "The export folder.") var directory: String
            @Option(help: ArgumentHelp("The mapping file (default: content/crm.yaml, else the one the last import stored).", valueName: "path"))
            var mapping: String?
            @Flag(name: .customLong("include-closed"), help: "Closed opportunities become groups too.") var includeClosed = false
            @Flag(name: .customLong("dry-run"), help: "Read and report; write nothing.") var dryRun = false

            @OptionGroup var store: StoreOptions
            @OptionGroup var date: DateOptions
            @OptionGroup var output: OutputOptions

            /// `--json`: what the export held and skipped, and what the import changed.
            struct Result: Encodable {
                var source: String
                var directory: String
                var read: CRMImportReport
                var imported: GroupImportSummary
            }

            func run() throws {
                let store = try store.open()
                let taxonomy = try store.taxonomy()
                let (text, mappingSource) = try mappingText(store)
                let crmMapping = try CRMMappingParser.parse(text, file: mappingSource, taxonomy: taxonomy)
                guard FileManager.default.fileExists(atPath: directory) else { throw UserError.notFound("no folder \(directory)") }
                let assets = try store.assets(matching: AssetFilter())
                let export: any CRMExport.Type = source == .salesforce ? SalesforceExport.self : HubSpotExport.self
                let read: CRMImport
                do {
                    read = try export.init(directory: directory, mapping: crmMapping, assets: assets, today: date.day,
                                           includeClosed: includeClosed).read()
                } catch let error as CSVError {
                    throw UserError.badData(error.description)
                }
                let summary = try store.importGroups(read.groups, origins: read.origins, dryRun: dryRun, closing: read.closed,
                                                     closedBy: source.rawValue)
                if !dryRun { try store.saveCRMMapping(text, source: mappingSource) }
                for note in read.report.notes { Console.error("note: " + note) }
                for skip in read.report.skipped { Console.error(skip.description) }
                if output.json {
                    try Console.printJSON(Result(source: source.rawValue, directory: directory, read: read.report, imported: summary))
                    return
                }
                let name = source == .salesforce ? "Salesforce" : "HubSpot"
                var lines = ["\(dryRun ? "Would import" : "Imported") \(directory) (\(name)): \(read.report.summary)."]
                let closed = summary.closed.isEmpty ? "" : ", \(summary.closed.count) closed (\(summary.closed.joined(separator: ", ")))"
                let facts = "facts \(summary.facts.added) added, \(summary.facts.changed) changed, \(summary.facts.removed) removed, "
                    + "\(summary.facts.kept) kept from reps and other sources"
                lines.append("Groups: \(summary.added.count) new, \(summary.updated.count) updated, \(summary.unchanged.count) unchanged\(closed); \(facts).")
                if dryRun { lines.append("Nothing was written (--dry-run).") }
                Console.print(lines.joined(separator: "\n"))
            }

            /// The mapping named, else content/crm.yaml, else the stored one.
            private func mappingText(_ store: any Store) throws -> (String, String) {
                let path = mapping ?? "content/crm.yaml"
                if let data = FileManager.default.contents(atPath: path) {
                    return (String(decoding: data, as: UTF8.self), (path as NSString).standardizingPath)
                }
                if mapping == nil, let stored = try store.crmMapping() { return (stored.yaml, stored.source) }
                throw UserError.notFound("--mapping: cannot read \(path)" + (mapping == nil ? "; no mapping is stored yet either" : ""))
            }
        }
    }
}
