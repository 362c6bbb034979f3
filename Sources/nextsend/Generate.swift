import ArgumentParser
import Foundation
import NextSend
import NextSendStore

extension NextSendCommand {
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a deterministic synthetic dataset for benchmarks: a catalog, its taxonomy, and groups as JSON Lines.",
            discussion: "Writes OUT/taxonomy.yaml, OUT/catalog/<id>.md and OUT/groups.jsonl, dated over the six months up to --as-of. The same seed and sizes give the same bytes."
        )

        @Option(help: "How many assets.") var assets = 1_000
        @Option(help: "How many buying groups.") var groups = 2_000
        @Option(help: "How many reps own them.") var reps = 100
        @Option(help: "The random seed.") var seed: UInt64 = 1
        @Option(name: .customLong("as-of"), help: ArgumentHelp("The dataset's today.", valueName: "date")) var asOf = Day("2026-11-29")!
        @Option(help: ArgumentHelp("The taxonomy to tag with.", valueName: "path")) var taxonomy = "content/taxonomy.yaml"
        @Option(help: ArgumentHelp("The output folder.", valueName: "dir")) var out: String

        func validate() throws {
            guard assets >= 1, groups >= 0, reps >= 1 else { throw ValidationError("--assets and --reps must be at least 1, --groups at least 0.") }
        }

        func run() throws {
            let (parsed, source) = try ContentFolder.loadTaxonomy(path: taxonomy)
            let generator = DatasetGenerator(assets: assets, groups: groups, reps: reps, seed: seed, asOf: asOf, taxonomy: parsed)
            let root = URL(fileURLWithPath: out)
            let catalog = root.appendingPathComponent("catalog")
            do {
                try FileManager.default.createDirectory(at: catalog, withIntermediateDirectories: true)
                try Data(source.utf8).write(to: root.appendingPathComponent("taxonomy.yaml"))
                try generator.generateAssets { id, text in
                    try Data(text.utf8).write(to: catalog.appendingPathComponent("\(id).md"))
                }
                let path = root.appendingPathComponent("groups.jsonl").path
                guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
                    throw ContentError(.cannotCreate, "cannot create \(path)")
                }
                defer { try? handle.close() }
                var buffer = Data()
                try generator.generateGroups { line in
                    buffer.append(contentsOf: Array(line.utf8))
                    buffer.append(UInt8(ascii: "\n"))
                    if buffer.count > 1 << 20 {
                        try handle.write(contentsOf: buffer)
                        buffer.removeAll(keepingCapacity: true)
                    }
                }
                try handle.write(contentsOf: buffer)
            } catch let error as ContentError {
                throw error
            } catch {
                throw ContentError(.cannotCreate, "cannot write the dataset into \(out): \(error.localizedDescription)")
            }
            Console.print("Wrote \(assets) assets and \(groups) groups for \(reps) reps into \(out) (seed \(seed), as of \(asOf)).")
        }
    }
}
