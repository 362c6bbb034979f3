import Foundation
import NextSendTestSupport
import Testing

/// `taxonomy rename` and the orphan check through the binary: exit codes and what a marketer reads.
@Suite struct TaxonomyCommandTests {
    let cli = CLI()

    /// The shipped content, copied into the test folder (links followed), and imported.
    func importShippedContent() async throws {
        for sub in ["catalog", "groups"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: CLI.repositoryContent + "/" + sub) where !name.hasPrefix(".") {
                cli.folder.write("content/\(sub)/\(name)", try String(contentsOfFile: CLI.repositoryContent + "/\(sub)/\(name)", encoding: .utf8))
            }
        }
        cli.folder.write("content/taxonomy.yaml", try String(contentsOfFile: CLI.repositoryContent + "/taxonomy.yaml", encoding: .utf8))
        #expect(try await cli.run("catalog", "import", "content/catalog", "--as-of", "2026-11-29").status == 0)
        #expect(try await cli.run("group", "import", "content/groups", "--as-of", "2026-11-29").status == 0)
    }

    @Test func aRenameReportsWhatItChangedAndKeepsTheConflict() async throws {
        try await importShippedContent()
        let plan = try await cli.run("taxonomy", "rename", "topic", "tco", "total-cost", "--dry-run", "--as-of", "2026-11-29")
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout == """
            Would rename topic tco → total-cost.
              files: 1 taxonomy file (1 value), 11 asset files (13 values), 6 group files (20 values)
              database: the taxonomy, 11 assets, 20 claims, 2 follow-ups
            Nothing was written (--dry-run).

            """)
        #expect(cli.folder.read("content/taxonomy.yaml").contains("\n  tco:\n"))
        let done = try await cli.run("taxonomy", "rename", "topic", "tco", "total-cost", "--as-of", "2026-11-29")
        #expect(done.status == 0 && done.stdout.hasPrefix("Renamed topic tco → total-cost."))
        let show = try await cli.run("group", "show", "mercy-valley-health", "--as-of", "2026-11-29")
        #expect(show.stdout.contains("total-cost (Three-year total cost of ownership) — Dana Reyes (finance) and Ellen Cho (executive)"))
        let again = try await cli.run("taxonomy", "rename", "topic", "tco", "total-cost", "--as-of", "2026-11-29")
        #expect(again.stdout == "Nothing to rename: topic tco → total-cost is already done in the files and the database.\n")
    }

    @Test func mistakesExitWithTheirCodeAndChangeNothing() async throws {
        try await importShippedContent()
        let before = try cli.dump()
        let typo = try await cli.run("taxonomy", "rename", "topic", "tcoo", "total-cost")
        #expect(typo.status == 65)
        #expect(typo.stderr.contains("content/taxonomy.yaml: error: topics: no topic 'tcoo'; did you mean 'tco'?"))
        let merge = try await cli.run("taxonomy", "rename", "role", "it", "security")
        #expect(merge.status == 65 && merge.stderr.contains("renaming one to the other would merge them"))
        let usage = try await cli.run("taxonomy", "rename", "position", "deployment", "hybrid")
        #expect(usage.status == 64 && usage.stderr.contains("taxonomy rename position TOPIC OLD NEW"))
        #expect(try cli.dump() == before)
    }

    @Test func anImportThatWouldOrphanFactsIsRefusedWith65() async throws {
        try await importShippedContent()
        let taxonomy = cli.folder.read("content/taxonomy.yaml")
        cli.folder.write("content/taxonomy.yaml", taxonomy.replacingOccurrences(of: ", end-user]", with: "]")
            .replacingOccurrences(of: ", end-user: end user", with: ""))
        for (path, data) in try cli.folder.files(under: "content/catalog") {
            let text = String(decoding: data, as: UTF8.self)
            cli.folder.write("content/catalog\(path)", text.replacingOccurrences(of: ", end-user]", with: "]")
                .replacingOccurrences(of: "[end-user, ", with: "[").replacingOccurrences(of: ", end-user,", with: ","))
        }
        let before = try cli.dump()
        let refused = try await cli.run("catalog", "import", "content/catalog", "--as-of", "2026-11-30")
        #expect(refused.status == 65, "\(refused.stderr)")
        #expect(refused.stderr.contains("role end-user: 3 stakeholders in granite-peak-health 1, mercy-valley-health 1, st-brendans-regional 1"))
        #expect(try cli.dump() == before)
        let allowed = try await cli.run("catalog", "import", "content/catalog", "--as-of", "2026-11-30", "--allow-orphans")
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(allowed.stdout.contains("retracted 3 stakeholders naming role end-user, which left the taxonomy"))
    }
}
