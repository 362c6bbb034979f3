import ArgumentParser
import Foundation
import NextSend
import NextSendReports
import NextSendStore

extension NextSendCommand {
    /// `nextsend taxonomy …`: changing the vocabulary the catalog and the groups are described in.
    struct TaxonomyCommands: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "taxonomy",
            abstract: "Change the taxonomy's vocabulary without losing what uses it.",
            subcommands: [Rename.self]
        )
    }
}

extension NextSendCommand.TaxonomyCommands {
    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rename",
            abstract: "Rename a topic, role, industry or position in the taxonomy, the content files and the database.",
            discussion: """
                Rewrites taxonomy.yaml, the front matter of every asset in CONTENT/catalog, the group files in CONTENT/groups, \
                CONTENT/crm.yaml, and the stored taxonomy, assets, stakeholders, claims, follow-ups and CRM mappings; only the \
                values change, comments and layout stay. Every new file is checked and written under a temporary name, the \
                database commits in one transaction, then the files take their place: a crash before the commit changes \
                nothing, and running the same rename again finishes what a crash after it left.
                  nextsend taxonomy rename topic tco total-cost
                  nextsend taxonomy rename position deployment on-prem-required on-prem
                """
        )

        @Argument(help: ArgumentHelp("What to rename: topic, role, industry or position.", valueName: "kind"))
        var kind: VocabularyRename.Kind

        @Argument(help: ArgumentHelp("OLD NEW, or for a position TOPIC OLD NEW.", valueName: "names"))
        var names: [String]

        @Option(help: ArgumentHelp("The content folder (taxonomy.yaml, catalog/, groups/, crm.yaml).", valueName: "dir"))
        var content = "content"

        @Flag(name: .customLong("dry-run"), help: "Print what would change; write nothing.") var dryRun = false
        @Flag(name: .long, help: "Name every file changed.") var verbose = false

        @OptionGroup var store: StoreOptions
        @OptionGroup var date: DateOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            let expected = kind == .position ? 3 : 2
            guard names.count == expected else {
                throw ValidationError(kind == .position ? "Name the topic, the old position and the new one: taxonomy rename position TOPIC OLD NEW."
                                                        : "Name the old \(kind.rawValue) and the new one: taxonomy rename \(kind.rawValue) OLD NEW.")
            }
        }

        func run() throws {
            let rename = kind == .position
                ? try VocabularyRename(.position, from: names[1], to: names[2], topic: names[0])
                : try VocabularyRename(kind, from: names[0], to: names[1])
            let report = try store.desk().renameVocabulary(rename, content: content, asOf: date.day, dryRun: dryRun)
            if output.json {
                try Console.printJSON(report)
                return
            }
            Console.print(Rename.text(report, verbose: verbose))
        }

        /// The rename in a few lines: the files by kind, then what the database held.
        static func text(_ report: RenameReport, verbose: Bool) -> String {
            guard report.changedAnything else {
                return "Nothing to rename: \(report.rename) is already done in the files and the database."
            }
            var lines = ["\(report.dryRun ? "Would rename" : "Renamed") \(report.rename)\(report.resumed ? " (taxonomy.yaml already had the new name)" : "")."]
            var files: [String] = []
            for (kind, name) in [("taxonomy", "taxonomy file"), ("asset", "asset file"), ("group", "group file"), ("crm-mapping", "CRM mapping")] {
                let ofKind = report.files.filter { $0.kind == kind }
                guard !ofKind.isEmpty else { continue }
                let values = ofKind.reduce(0) { $0 + $1.changes }
                files.append("\(Words.count(ofKind.count, name)) (\(Words.count(values, "value")))")
            }
            lines.append("  files: " + (files.isEmpty ? "none left to change" : files.joined(separator: ", ")))
            if verbose {
                for file in report.files { lines.append("    \(file.path): \(Words.count(file.changes, "value"))") }
            }
            let stored = report.stored
            var rows: [String] = []
            if stored.taxonomy { rows.append("the taxonomy") }
            for (count, name) in [(stored.assets, "asset"), (stored.stakeholders, "stakeholder"), (stored.claims, "claim"),
                                  (stored.groups, "group"), (stored.followUps, "follow-up")] where count > 0 {
                rows.append(Words.count(count, name))
            }
            if !stored.mappings.isEmpty { rows.append("the \(stored.mappings.joined(separator: " and ")) mapping\(stored.mappings.count > 1 ? "s" : "")") }
            lines.append("  database: " + (rows.isEmpty ? "nothing left to change" : rows.joined(separator: ", ")))
            for crm in stored.mappingsNotRenamed {
                lines.append("  warning: the stored \(crm) mapping could not be read to rename it; import with --mapping FILE to replace it")
            }
            if report.rename.hasPrefix("position ") {
                lines.append("  note: a CRM field that gives the position by its old id no longer matches it; add the old id to the position's says: if yours does")
            }
            if report.dryRun { lines.append("Nothing was written (--dry-run).") }
            return lines.joined(separator: "\n")
        }
    }
}

extension VocabularyRename.Kind: ExpressibleByArgument {}
