import ArgumentParser
import NextSend
import NextSendStore

extension NextSendCommand.Catalog {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate every asset of a folder, then store them all in one transaction.",
            discussion: "Any error in any file: nothing is written and the exit code is 65. Assets no longer in the folder are marked retired; an import that would retire more than half of the published catalog is refused unless --allow-retire. --dry-run prints the plan and writes nothing."
        )

        @Argument(help: "The catalog folder.")
        var directory = "content/catalog"

        @Option(help: ArgumentHelp("The taxonomy file (default: taxonomy.yaml beside the catalog folder).", valueName: "path"))
        var taxonomy: String?

        @Flag(name: .customLong("dry-run"), help: "Print what the import would do; write nothing.") var dryRun = false
        @Flag(name: .customLong("allow-retire"), help: "Allow retiring more than half of the published catalog.") var allowRetire = false

        @OptionGroup var store: StoreOptions
        @OptionGroup var log: LogOptions
        @OptionGroup var date: DateOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let result = try store.open().importCatalog(directory: directory, taxonomyPath: taxonomy, asOf: date.day,
                                                         allowRetire: allowRetire, dryRun: dryRun, logger: log.logger)
            for warning in result.warnings { Console.error(warning.description) }
            let summary = result.summary
            if output.json {
                try Console.printJSON(summary)
                return
            }
            Console.print("\(dryRun ? "Would import" : "Imported") \(directory) with \(result.taxonomyPath): \(summary.added.count) added, "
                + "\(summary.updated.count) updated, \(summary.retired.count) retired, \(summary.unchanged) unchanged.")
            for (label, ids) in [("added", summary.added), ("updated", summary.updated), ("retired", summary.retired)] where !ids.isEmpty {
                Console.print("  \(label): \(ids.joined(separator: ", "))")
            }
            if dryRun { Console.print("Nothing was written (--dry-run).") }
        }
    }
}
