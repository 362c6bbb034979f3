import Foundation
import NextSend
import NextSendDigest
import NextSendStore

// nextsend-bench DATASET_DIR DB_PATH AS_OF
//
// Imports a dataset written by `nextsend generate` into a fresh database and measures, in process:
// asset import, group parsing and import, `next` for every group (p50, p99; with the outcome evidence
// loaded, or without it as phase `next-without-evidence`), and the digest batch.
// Prints one `name value unit` line per figure; Scripts/bench turns them into the table.

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func report(_ name: String, _ value: Double, _ unit: String) {
    FileHandle.standardOutput.write(Data("\(name) \(String(format: "%.4f", value)) \(unit)\n".utf8))
}

let arguments = CommandLine.arguments

// nextsend-bench notes CORPUS_DIR TAXONOMY_PATH ROUNDS: the claims reader on the labelled notes
// corpus (every document of dev/ and heldout/), ROUNDS times; prints statements and claims per second.
if arguments.count >= 5, arguments[1] == "notes" {
    let taxonomy = try TaxonomyParser.parse(String(contentsOfFile: arguments[3], encoding: .utf8), file: arguments[3])
    var documents: [(NoteReader, NoteDocument)] = []
    for set in ["dev", "heldout"] {
        let folder = "\(arguments[2])/\(set)"
        let labels = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/labels.json"))) as! [String: Any]
        for document in labels["documents"] as! [[String: Any]] {
            let file = document["file"] as! String
            let group = document["group"] as! [String: Any]
            let people = (group["stakeholders"] as! [[String: Any]]).map {
                Stakeholder(id: $0["id"] as! String, name: $0["name"] as! String, role: $0["role"] as! String, influence: "influencer",
                            email: $0["email"] as? String)
            }
            let text = try String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8)
            let format = NoteFormat.detect(fileName: file, text: text)
            documents.append((NoteReader(taxonomy: taxonomy, stakeholders: people),
                              NoteDocument(text: text, format: format, from: format == .note ? document["from"] as? String : nil)))
        }
    }
    let rounds = Int(arguments[4]) ?? 100
    var statements = 0, claims = 0, characters = 0
    let elapsed = seconds {
        for _ in 0..<rounds {
            for (reader, document) in documents {
                let reading = reader.read(document)
                statements += reading.claims.count + reading.skipped.count
                claims += reading.claims.count
                characters += document.text.count
            }
        }
    }
    report("notes_statements_rate", Double(statements) / elapsed, "statements/s")
    report("notes_claims_rate", Double(claims) / elapsed, "claims/s")
    report("notes_characters_rate", Double(characters) / elapsed, "chars/s")
    report("notes_documents_rate", Double(documents.count * rounds) / elapsed, "documents/s")
    exit(0)
}

guard arguments.count >= 4, let asOf = Day(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: nextsend-bench DATASET_DIR DB_PATH AS_OF [digest-out]\n".utf8))
    exit(64)
}
let dataset = arguments[1], databasePath = arguments[2]
let phases = Set((arguments.count > 5 ? arguments[5] : "import,next,digest").split(separator: ",").map(String.init))

do {
    let store = try SQLiteStore(path: databasePath)
    if phases.contains("import") {
        var assetCount = 0
        let assetTime = try seconds {
            let result = try store.importCatalog(directory: "\(dataset)/catalog", taxonomyPath: nil, asOf: asOf)
            assetCount = result.summary.added.count + result.summary.updated.count + result.summary.unchanged
        }
        report("asset_import_rate", Double(assetCount) / assetTime, "assets/s")

        // Parsing alone, then the import as `group import` runs it: read and parsed a chunk at a
        // time while the chunk before is written, in one transaction.
        var parsed = 0
        let parseTime = try seconds {
            parsed = try GroupFiles.load(path: "\(dataset)/groups.jsonl", taxonomy: try store.taxonomy(), knownAssets: try store.assetIDs()).groups.count
        }
        report("group_parse_rate", Double(parsed) / parseTime, "groups/s")
        var imported = 0
        let importTime = try seconds {
            imported = try store.importGroups(path: "\(dataset)/groups.jsonl", asOf: asOf).summary.added.count
        }
        report("group_import_rate", Double(imported) / importTime, "groups/s")
    }

    if phases.contains("next") || phases.contains("next-without-evidence") {
        // With the outcome evidence loaded, as `next` runs for a team that has sent for a while
        // (`next-without-evidence` leaves it out, to compare with builds that did not load it).
        let evidence = phases.contains("next") ? try store.evidence(asOf: asOf) : .none
        let advisor = Advisor(taxonomy: try store.taxonomy(), index: CatalogIndex(assets: try store.assets(matching: AssetFilter(status: .published))),
                              evidence: evidence)
        var durations: [Double] = []
        // Every group up to 20,000; beyond that an evenly spread sample of reps, so `large` stays minutes long.
        let snapshot = try store.snapshot()
        let owners = try snapshot.owners()
        let groupCount = try store.groupIDs().count
        let step = max(1, Int((Double(groupCount) / 20_000).rounded(.up)))
        let environment = ProcessInfo.processInfo.environment
        // NEXTSEND_BENCH_GROUPS=N stops after N groups: a callgrind profile at large needs only a few.
        let limit = environment["NEXTSEND_BENCH_GROUPS"].flatMap { Int($0) } ?? Int.max
        // NEXTSEND_BENCH_TIMES=FILE writes one `milliseconds group-id` line per group (its fastest
        // run), so the slowest can be picked out; NEXTSEND_BENCH_IDS=FILE (one id a line) matches
        // only those groups, so a profile can look at the tail instead of typical groups.
        // NEXTSEND_BENCH_REPEAT=K matches each group K times: the first run is the figure (a call
        // meets its group once), and the fastest of the K, reported beside it as `next_fastest_*`,
        // leaves out what other work on this machine took from a run (and what a first run pays
        // once per process, such as laying out a need's evidence).
        let repeats = max(1, environment["NEXTSEND_BENCH_REPEAT"].flatMap { Int($0) } ?? 1)
        var fastest: [Double] = []
        var timings: [(Double, String)] = []
        func measure(_ group: BuyingGroup) throws {
            var first = 0.0, least = Double.infinity
            for run in 0..<repeats {
                let start = DispatchTime.now().uptimeNanoseconds
                let advice = try advisor.advise(group, asOf: asOf)
                let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                precondition(advice.recommendations.count <= 5)
                if run == 0 { first = milliseconds }
                least = min(least, milliseconds)
            }
            durations.append(first)
            fastest.append(least)
            timings.append((least, group.id))
        }
        if let idsPath = environment["NEXTSEND_BENCH_IDS"] {
            let lines = try String(contentsOfFile: idsPath, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            let groups = try lines.enumerated().filter { !$0.element.isEmpty }.map { line, text in
                let id = String(text)
                guard let group = try store.group(id: id) else {
                    FileHandle.standardError.write(Data("nextsend-bench: \(idsPath):\(line + 1): no group \(id) in \(databasePath)\n".utf8))
                    exit(65)
                }
                return group
            }
            for group in groups.prefix(limit) { try measure(group) }
        } else {
            owners: for owner in owners.enumerated().filter({ $0.offset % step == 0 }).map(\.element) {
                for group in try snapshot.groups(owner: owner) {
                    if durations.count >= limit { break owners }
                    try measure(group)
                }
            }
        }
        if let timesPath = environment["NEXTSEND_BENCH_TIMES"] {
            let lines = timings.map { String(format: "%.3f", $0.0) + " " + $0.1 + "\n" }
            try lines.joined().write(toFile: timesPath, atomically: true, encoding: .utf8)
        }
        for (name, figures) in [("next", durations), ("next_fastest", fastest)] where !figures.isEmpty && (name == "next" || repeats > 1) {
            let sorted = figures.sorted()
            report("\(name)_p50", sorted[sorted.count / 2], "ms")
            report("\(name)_p99", sorted[min(sorted.count - 1, sorted.count * 99 / 100)], "ms")
            report("\(name)_max", sorted.last!, "ms")
        }
    }

    if phases.contains("digest"), arguments.count > 4 {
        let week = IsoWeek(containing: asOf)
        let time = try seconds {
            _ = try DigestRun.run(store: store, options: .init(week: week, outDirectory: arguments[4], force: true))
        }
        report("digest_in_process", time, "s")
    }
} catch {
    FileHandle.standardError.write(Data("nextsend-bench: \(error)\n".utf8))
    exit(1)
}
