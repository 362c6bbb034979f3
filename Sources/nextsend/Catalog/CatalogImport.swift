import ArgumentParser
import NextSend
import NextSendStore

extension NextSendCommand.Catalog {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate every asset of a folder, then store them all in one transaction.",
            discussion: "Any error in any file: nothing is written and the exit code is 65. Assets no longer in the folder are marked retired."
        )

        @Argument(help: "The catalog folder.")
        var directory = "content/catalog"

        @Option(help: ArgumentHelp("The taxonomy file (default: taxonomy.yaml beside the catalog folder).", valueName: "path"))
        var taxonomy: String?

        @OptionGroup var store: StoreOptions
        @OptionGroup var log: LogOptions
        @OptionGroup var date: DateOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let result = try store.open().importCatalog(directory: directory, taxonomyPath: taxonomy, asOf: date.day, logger: log.logger)
            for warning in result.warnings { Console.error(warning.description) }
            let summary = result.summary
            if output.json {
                try Console.printJSON(summary)
                return
            }
            Console.print("Imported \(directory) with \(result.taxonomyPath): \(summary.added.count) added, "
                + "\(summary.updated.count) updated, \(summary.retired.count) retired, \(summary.unchanged) unchanged.")
            for (label, ids) in [("added", summary.added), ("updated", summary.updated), ("retired", summary.retired)] where !ids.isEmpty {
                Console.print("  \(label): \(ids.joined(separator: ", "))")
            }
        }
    }
}
