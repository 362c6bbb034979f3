import Foundation
import NextSendTestSupport
import Testing

/// End to end: the weekly batch through the built binary.
@Suite struct DigestCommandTests {
    let cli = CLI()

    @Test func theShippedContentGivesEveryFile() async throws {
        #expect(try await cli.run("catalog", "import", CLI.repositoryContent + "/catalog", "--as-of", "2026-11-29").status == 0)
        #expect(try await cli.run("group", "import", CLI.repositoryContent + "/groups").status == 0)
        let result = try await cli.run("digest", "--week", "2026-W48", "--out", "out")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "no progress bar when stderr is not a terminal")
        let written = try cli.folder.files(under: "out/2026-W48")
        for rep in ["alice", "bob", "carmen"] {
            for format in ["md", "html", "json"] {
                #expect(written["/reps/\(rep)@rosterline.example.\(format)"] != nil, "\(rep) \(format)")
            }
        }
        for format in ["md", "html", "json"] { #expect(written["/marketing.\(format)"] != nil) }
        let alice = String(decoding: written["/reps/alice@rosterline.example.md"]!, as: UTF8.self)
        #expect(alice.contains("Harborview Medical Group"))
        #expect(alice.contains("Three-year TCO model"))
        #expect(try await cli.run("digest", "--week", "2026-W99").status == 64)
        #expect(try await cli.run("digest", "--week", "2026-W48", "--shard", "3/2").status == 64)
    }

    /// A past week reads the same whenever it is run (#33): an asset added to the catalog on
    /// 2026-12-01 is not in W47's marketing digest run afterwards, nor one retired since gone.
    @Test func aPastWeeksDigestSeesTheCatalogAsItStood() async throws {
        let catalog = cli.folder.path("content/catalog")
        try FileManager.default.createDirectory(atPath: cli.folder.path("content"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLI.repositoryContent + "/catalog", toPath: catalog)
        try FileManager.default.copyItem(atPath: CLI.repositoryContent + "/taxonomy.yaml", toPath: cli.folder.path("content/taxonomy.yaml"))
        #expect(try await cli.run("catalog", "import", catalog, "--as-of", "2026-11-02").status == 0)
        #expect(try await cli.run("group", "import", CLI.repositoryContent + "/groups").status == 0)
        func liveAssets(_ out: String) async throws -> Int {
            #expect(try await cli.run("digest", "--week", "2026-W47", "--out", out).status == 0)
            let json = try JSONSerialization.jsonObject(with: Data(cli.folder.read("\(out)/2026-W47/marketing.json").utf8)) as? [String: Any]
            return try #require(json?["liveAssets"] as? Int)
        }
        let before = try await liveAssets("before")
        // A week later: one asset added (no published date: it counts from its import), one retired.
        let added = try String(contentsOfFile: catalog + "/business-case-builder.md", encoding: .utf8)
            .replacingOccurrences(of: "id: business-case-builder", with: "id: business-case-builder-v2")
            .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("published:") }.joined(separator: "\n")
        try added.write(toFile: catalog + "/business-case-builder-v2.md", atomically: true, encoding: .utf8)
        try added.write(toFile: catalog + "/business-case-builder-v3.md", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: catalog + "/agency-spend-diagnostic.md")
        let reimport = try await cli.run("catalog", "import", catalog, "--as-of", "2026-12-01")
        #expect(reimport.status == 0, "\(reimport.stderr)")
        #expect(reimport.stdout.contains("2 added") && reimport.stdout.contains("1 retired"), "\(reimport.stdout)")
        #expect(try await liveAssets("after") == before, "W47 counts the catalog of 2026-11-22, whenever it is run")
        #expect(try await cli.run("digest", "--week", "2026-W49", "--out", "later").status == 0)
        let later = try JSONSerialization.jsonObject(with: Data(cli.folder.read("later/2026-W49/marketing.json").utf8)) as? [String: Any]
        #expect(later?["liveAssets"] as? Int == before + 1, "W49 sees both new assets and not the retired one")
    }

    /// A run killed midway, started again, ends with exactly the files of a run never interrupted.
    @Test(.tags(.slow), .enabled(if: SlowTests.enabled, "Scripts/test --full")) func aKilledRunResumesToTheSameBytesAndNeverLeavesAHalfWrittenFile() async throws {
        #expect(try await cli.run("catalog", "import", CLI.repositoryContent + "/catalog", "--as-of", "2026-11-29").status == 0)
        var lines: [String] = []
        let positions = ["cloud-only", "hybrid", "on-prem-required"]
        for index in 0..<900 {
            let rep = "rep\(index % 150)@vendor.example"
            lines.append("""
                {"id": "g\(index)", "account": "Account \(index)", "owner": "\(rep)", "stakeholders": [\
                {"id": "a", "name": "Ann \(index)", "role": "finance", "influence": "decision-maker"}, \
                {"id": "b", "name": "Bo \(index)", "role": "it", "influence": "influencer"}], \
                "claims": [{"stakeholder": "a", "topic": "tco", "value": \(100_000 + index * 10), "date": "2026-11-0\(1 + index % 9)"}, \
                {"stakeholder": "b", "topic": "tco", "value": \(100_000 + (index % 4) * 90_000), "date": "2026-11-1\(index % 10)"}, \
                {"stakeholder": "b", "topic": "deployment", "position": "\(positions[index % 3])", "date": "2026-10-2\(index % 10)"}], \
                "events": [{"job": "validation", "type": "started", "date": "2026-10-\(10 + index % 20)"}], \
                "touches": [{"asset": "tco-model", "to": ["a"], "date": "2026-11-1\(index % 10)", "consumed": \(index % 2 == 0)}]}
                """)
        }
        cli.folder.write("groups.jsonl", lines.joined(separator: "\n") + "\n")
        let imported = try await cli.run("group", "import", "groups.jsonl")
        #expect(imported.status == 0, "\(imported.stderr)")

        // The reference: an uninterrupted run.
        #expect(try await cli.run("digest", "--week", "2026-W48", "--out", "reference").status == 0)
        let reference = try cli.folder.files(under: "reference/2026-W48")
        #expect(reference.count == 150 * 3 + 3)

        // Kill a run as soon as some digests are on disk.
        let process = Process()
        // Never the working directory a command running in process has borrowed: it may be gone by the time the child asks.
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        process.executableURL = CLI.binary
        process.arguments = ["digest", "--week", "2026-W48", "--out", "resumed", "--jobs", "1"]
        process.currentDirectoryURL = cli.folder.url
        process.environment = ProcessInfo.processInfo.environment.merging(["NEXTSEND_DB": cli.database]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let reps = cli.folder.path("resumed/2026-W48/reps")
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: reps)) ?? []
            if names.filter({ $0.hasSuffix(".json") }).count >= 5 { break }
            usleep(1_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        // Whatever is under a final name is whole: byte for byte the reference file.
        let partial = try cli.folder.files(under: "resumed/2026-W48")
        let finals = partial.filter { !$0.key.contains(".nextsend-tmp-") }
        #expect(!finals.isEmpty)
        #expect(finals.count < reference.count, "the run was killed midway (\(finals.count) of \(reference.count) files)")
        for (name, data) in finals { #expect(data == reference[name], "\(name) is complete") }

        // Started again, it finishes the job and skips what was done.
        let resumed = try await cli.run("digest", "--week", "2026-W48", "--out", "resumed", "--json")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(resumed.stdout.utf8)) as? [String: Any])
        #expect(((summary["repsAlreadyDone"] as? [String])?.count ?? 0) > 0)
        #expect(try cli.folder.files(under: "resumed/2026-W48") == reference)
        #expect(try cli.integrityCheck() == "ok")
    }
}
