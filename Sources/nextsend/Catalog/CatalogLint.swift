import ArgumentParser
import NextSend
import NextSendStore

extension NextSendCommand.Catalog {
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every asset against the taxonomy; print path:line: severity: field: message.",
            discussion: "Exits 65 when any file has an error, 0 with warnings only. Writes nothing."
        )

        @Argument(help: "The catalog folder.") var directory = "content/catalog"

        @Option(help: ArgumentHelp("The taxonomy file (default: taxonomy.yaml beside the catalog folder).", valueName: "path"))
        var taxonomy: String?

        @OptionGroup var date: DateOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let path = ContentFolder.taxonomyPath(explicit: taxonomy, catalogDirectory: directory)
            let loaded = try ContentFolder.loadTaxonomy(path: path)
            let catalog = try ContentFolder.loadCatalog(directory: directory, taxonomy: loaded.taxonomy, asOf: date.day)
            let errors = catalog.diagnostics.filter { $0.severity == .error }.count
            let warnings = catalog.diagnostics.count - errors
            if output.json {
                try Console.printJSON(catalog.diagnostics)
            } else {
                for diagnostic in catalog.diagnostics { Console.print(diagnostic.description) }
                Console.error("\(Words.count(catalog.fileCount, "file")): \(Words.count(errors, "error")), \(Words.count(warnings, "warning"))")
            }
            if errors > 0 { throw ExitCode(Failure.dataError) }
        }
    }
}
