import ArgumentParser
import Foundation
import NextSend
import NextSendStore
import NextSendSynthetic

extension NextSendCommand {
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Write a deterministic synthetic dataset for benchmarks: a catalog, its taxonomy, and groups as JSON Lines.",
            discussion: "Writes OUT/taxonomy.yaml, OUT/catalog/<id>.md and OUT/groups.jsonl, dated over the six months up to --as-of. The same seed and sizes give the same bytes."
        )

        @Option(help: "How many assets.") var assets = 1_000
        @Option(help: "How many buying groups.") var groups = 2_000
        @Option(help: "How many reps own them.") var reps = 100
        @Option(help: "The random seed.") var seed: UInt64 = 1
        @Option(name: .customLong("as-of"), help: ArgumentHelp("The dataset's today.", valueName: "date")) var asOf = Day("2026-11-29")!
        @Option(help: ArgumentHelp("The taxonomy to tag with (default: a generic one, written into the dataset).", valueName: "path"))
        var taxonomy: String?
        @Option(help: ArgumentHelp("The output folder.", valueName: "dir")) var out: String

        func validate() throws {
            guard assets >= 1, groups >= 0, reps >= 1 else { throw ValidationError("--assets and --reps must be at least 1, --groups at least 0.") }
        }

        func run() throws {
            let source = try taxonomy.map { try ContentFolder.readText(path: $0, what: "taxonomy") } ?? DatasetGenerator.defaultTaxonomySource
            let parsed = try TaxonomyParser.parse(source, file: taxonomy ?? "taxonomy.yaml")
            let generator = DatasetGenerator(assets: assets, groups: groups, reps: reps, seed: seed, asOf: asOf, taxonomy: parsed)
            try DatasetFolder.write(generator, taxonomySource: source, to: out)
            Console.print("Wrote \(Words.count(assets, "asset")) and \(Words.count(groups, "group")) for \(Words.count(reps, "rep")) into \(out) (seed \(seed), as of \(asOf)).")
        }
    }
}
