import ArgumentParser
import NextSend
import NextSendReports
import NextSendStore

extension NextSendCommand.Catalog {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Validate every asset of a folder, then store them all in one transaction.",
            discussion: "Any error in any file: nothing is written and the exit code is 65. A taxonomy that drops a role, topic, position or industry stored facts still use is refused (65) with the facts counted per group: rename with `nextsend taxonomy rename` to keep them, or pass --allow-orphans to retract them. Assets no longer in the folder are marked retired; an import that would retire more than half of the published catalog is refused unless --allow-retire. --dry-run prints the plan and writes nothing."
        )

        @Argument(help: "The catalog folder.")
        var directory = "content/catalog"

        @Option(help: ArgumentHelp("The taxonomy file (default: taxonomy.yaml beside the catalog folder).", valueName: "path"))
        var taxonomy: String?

        @Flag(name: .customLong("dry-run"), help: "Print what the import would do; write nothing.") var dryRun = false
        @Flag(name: .customLong("allow-retire"), help: "Allow retiring more than half of the published catalog.") var allowRetire = false
        @Flag(name: .customLong("allow-orphans"), help: "Retract stored facts that name a role, topic, position or industry the taxonomy dropped.")
        var allowOrphans = false

        @OptionGroup var store: StoreOptions
        @OptionGroup var log: LogOptions
        @OptionGroup var date: DateOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let result = try store.desk().importCatalog(directory: directory, taxonomyPath: taxonomy, asOf: date.day,
                                                         allowRetire: allowRetire, allowOrphans: allowOrphans, dryRun: dryRun, logger: log.logger)
            for warning in result.warnings { Console.error(warning.description) }
            let summary = result.summary
            if output.json {
                try Console.printJSON(summary)
                return
            }
            Console.print(Import.report(summary, directory: directory, taxonomy: result.taxonomyPath, every: log.verbose))
            if dryRun { Console.print("Nothing was written (--dry-run).") }
        }

        /// How many ids of each kind are named before "and N more" (`--verbose` names every one).
        static let shown = 8

        /// The import in a few lines: counts, then the first ids of each change, drafts marked.
        static func report(_ summary: CatalogImportSummary, directory: String, taxonomy: String, every: Bool) -> String {
            let drafts = Set(summary.drafts)
            var counts = ["\(summary.added.count) added", "\(summary.updated.count) updated", "\(summary.retired.count) retired",
                          "\(summary.unchanged) unchanged"].joined(separator: ", ")
            if !drafts.isEmpty {
                counts += "; \(Words.count(drafts.count, "draft")) (stored, not recommended until published)"
            }
            var lines = ["\(summary.dryRun ? "Would import" : "Imported") \(directory) with \(taxonomy): \(counts)."]
            var cut = false
            for (label, ids) in [("added", summary.added), ("updated", summary.updated), ("retired", summary.retired)] where !ids.isEmpty {
                let named = every ? ids : Array(ids.prefix(shown))
                var text = named.map { drafts.contains($0) ? "\($0) (draft)" : $0 }.joined(separator: ", ")
                if named.count < ids.count {
                    text += " and \(ids.count - named.count) more"
                    cut = true
                }
                lines.append("  \(label): \(text)")
            }
            if cut { lines.append("  (--verbose names every id)") }
            for entry in summary.retractedOrphans.entries {
                lines.append("  \(summary.dryRun ? "would \(entry.toDo)" : entry.done) \(Words.count(entry.total, entry.fact)) naming \(entry.value), "
                             + "which left the taxonomy: \(entry.groupList)")
            }
            return lines.joined(separator: "\n")
        }
    }
}
