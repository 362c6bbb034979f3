import ArgumentParser
import NextSend
import NextSendStore

extension NextSendCommand.Catalog {
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint",
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
            let diagnostics = Self.phraseWarnings(loaded.taxonomy, path: path) + catalog.diagnostics
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.count - errors
            if output.json {
                try Console.printJSON(diagnostics)
            } else {
                for diagnostic in diagnostics { Console.print(diagnostic.description) }
                Console.error("\(Words.count(catalog.fileCount, "file")): \(Words.count(errors, "error")), \(Words.count(warnings, "warning"))")
            }
            if errors > 0 { throw ExitCode(Failure.dataError) }
        }

        /// A topic without `says:` phrases (or a choice position without any) is never read from
        /// call notes, e-mails or transcripts: worth a warning, not an error.
        static func phraseWarnings(_ taxonomy: Taxonomy, path: String) -> [Diagnostic] {
            let lines = ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n", omittingEmptySubsequences: false)
            func line(of topic: String) -> Int? { lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "\(topic):" }.map { $0 + 1 } }
            var warnings: [Diagnostic] = []
            for topic in taxonomy.topics {
                if topic.says.isEmpty {
                    warnings.append(Diagnostic(.warning, file: path, line: line(of: topic.id), field: "topics.\(topic.id).says",
                                               message: "no phrases: a claim on \(topic.id) is never read from notes, e-mails or transcripts"))
                } else if !topic.isNumber {
                    let silent = topic.positions.filter { (topic.says[$0] ?? []).isEmpty }
                    if !silent.isEmpty {
                        warnings.append(Diagnostic(.warning, file: path, line: line(of: topic.id), field: "topics.\(topic.id).says",
                                                   message: "no phrases for \(silent.joined(separator: ", ")): that position is never read from notes"))
                    }
                }
            }
            return warnings
        }
    }
}
