import ArgumentParser
import Foundation
import NextSend
import NextSendCRM
import NextSendPostgres
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

            /// `--json`: what the export held and skipped, and what the import changed.
            struct Result: Encodable {
                var source: String
                var directory: String
                var read: CRMImportReport
                var imported: GroupImportSummary
            }

            func run() throws {
                if dryRun, !PostgresLocation.isURL(self.store.path), !FileManager.default.fileExists(atPath: self.store.path) {
                    // A dry run writes nothing, a new database file included.
                    throw UserError.notFound("--db: no database at \(self.store.path); import a catalog into it first")
                }
                let store = try store.open()
                let taxonomy = try store.taxonomy()
                let (text, mappingSource, said) = try mappingText(store)
                if let said { Console.error("note: " + said) }
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
                // Deals deleted at the source (IsDeleted, or absent from an export --full says is complete):
                // what this source brought for them is taken out and the group archived; what reps
                // recorded stays in its history.
                let prefix = source == .salesforce ? "sf-" : "hs-"
                var gone = read.deleted
                if full {
                    for id in try store.groupIDs(includeClosed: true) where id.hasPrefix(prefix) && !read.named.contains(id) && gone[id] == nil {
                        // The source as stored: Salesforce ids keep their case there, not in the group id.
                        gone[id] = try store.history(ofGroup: id).people.map(\.provenance.origin).first { $0.hasPrefix(source.rawValue + ":") }
                            ?? "\(source.rawValue):\(id.dropFirst(3))"
                    }
                }
                var groups = read.groups
                var origins = read.origins
                var closing = read.closed
                for (id, origin) in gone.sorted(by: { $0.key < $1.key }) where origins[id] == nil {
                    guard var stored = try store.group(id: id) else { continue }
                    // This source now brings nothing for the group: the merge takes out what it brought.
                    stored.stakeholders = []
                    stored.claims = []
                    stored.events = []
                    stored.touches = []
                    groups.append(stored)
                    origins[id] = origin
                    closing[id] = (.archived, date.day)
                }
                // A deal the CRM had closed and now carries open again (reopened at the source) reopens its group.
                let stored = Set(try store.groupIDs(includeClosed: true))
                let reopening = try read.groups.map(\.id).filter { id in
                    guard stored.contains(id), read.closed[id] == nil else { return false }
                    let status = try store.status(ofGroup: id).status
                    return status == .won || status == .lost
                }
                let summary = try store.importGroups(groups, origins: origins, dryRun: dryRun, closing: closing, closedBy: source.rawValue)
                if !dryRun {
                    for id in reopening { try store.setStatus(.open, ofGroup: id, on: date.day, by: Recorder(source.rawValue)) }
                }
                if !reopening.isEmpty { Console.error("note: \(dryRun ? "would reopen" : "reopened") \(reopening.joined(separator: ", ")): open again in \(source.rawValue)") }
                if !dryRun { try store.saveCRMMapping(text, source: mappingSource, for: source.rawValue) }
                for note in read.report.notes { Console.error("note: " + note) }
                if log.verbose {
                    for skip in read.report.skipped { Console.error(skip.description) }
                } else {
                    // Counted by reason: a nightly run stays readable (--verbose lists every row).
                    for group in read.report.skippedByKind {
                        Console.error("skipped \(Words.count(group.count, "row")): \(group.kind) (\(group.first.joined(separator: ", "))\(group.count > 3 ? ", …" : ""))")
                    }
                    if read.report.skipped.count > read.report.skippedByKind.count { Console.error("note: --verbose lists every skipped row") }
                }
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

            /// The mapping named, else the one stored for this CRM, else the shipped default, with
            /// a sentence when what is used changes (a file in the working folder is never read unasked).
            private func mappingText(_ store: any Store) throws -> (text: String, source: String, note: String?) {
                let crm = source.rawValue
                let storing = dryRun ? "would be stored (--dry-run)" : "stored for later \(crm) imports"
                if let mapping {
                    guard let data = FileManager.default.contents(atPath: mapping) else { throw UserError.notFound("--mapping: cannot read \(mapping)") }
                    let path = (mapping as NSString).standardizingPath
                    return (String(decoding: data, as: UTF8.self), path, "mapping \(path), \(storing)")
                }
                if let stored = try store.crmMapping(for: crm) { return (stored.yaml, stored.source, nil) }
                return (ShippedMapping.yaml, ShippedMapping.name, "no mapping stored for \(crm): using \(ShippedMapping.name), \(storing)")
            }
        }

        /// `crm mapping show salesforce|hubspot`: the mapping the next import of that CRM uses.
        struct Mapping: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Show the CRM mapping stored in the database.", subcommands: [Show.self])

            struct Show: ParsableCommand {
                static let configuration = CommandConfiguration(
                    abstract: "Print the mapping stored for a CRM (the one its next import uses), or say that none is stored."
                )

                @Argument(help: "salesforce or hubspot") var source: Import.Source
                @OptionGroup var store: StoreOptions

                func run() throws {
                    guard let stored = try store.open().crmMapping(for: source.rawValue) else {
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
