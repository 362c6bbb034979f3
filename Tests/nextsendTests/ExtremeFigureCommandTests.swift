import Foundation
import NextSendTestSupport
import Testing

/// One figure must not stop the CLI or the digest: an extreme figure is refused at every way in,
/// and one already stored (written by a version before the check) still prints everywhere.
@Suite struct ExtremeFigureCommandTests {
    let cli = CLI()

    /// A copy of the shipped content's database (``ShippedDatabase``).
    func importShippedContent() async throws { try await cli.importShippedContent() }

    @Test func everyWayInRefusesAFigureOutOfRangeAndChangesNothing() async throws {
        try await importShippedContent()
        let before = try cli.dump()
        for figure in ["1e19", "1e308", "-2e15", "$2000000000000000"] {
            let claim = try await cli.run("group", "claim", "mercy-valley-health", "--stakeholder", "lee", "--topic", "tco", "--value=\(figure)",
                                    "--as-of", "2026-11-29")
            #expect(claim.status == 65, "\(figure): \(claim.stderr)")
            #expect(claim.stderr.contains("out of range"), "\(claim.stderr)")
        }
        let file = try String(contentsOfFile: CLI.repositoryContent + "/groups/mercy-valley-health.yaml", encoding: .utf8)
            .replacingOccurrences(of: "value: 310000", with: "value: 1e19")
        let path = cli.folder.write("mercy.yaml", file)
        let line = file.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("value: 1e19") }.map { $0 + 1 } ?? 0
        for dryRun in [true, false] {
            let result = try await cli.run(["group", "import", path, "--as-of", "2026-11-29"] + (dryRun ? ["--dry-run"] : []))
            #expect(result.status == 65, "\(result.stderr)")
            #expect(result.stderr.contains("mercy.yaml:\(line):"), "file and line: \(result.stderr)")
            #expect(result.stderr.contains(".value: '1e19' is out of range"), "\(result.stderr)")
        }
        #expect(try cli.dump() == before, "nothing changed")
    }

    @Test func aStoredFigureOutOfRangeStillPrintsInNextShowAndTheDigest() async throws {
        try await importShippedContent()
        // As a database written by an earlier version could hold it (after this version's migration ran).
        _ = try cli.sqlite("UPDATE claim SET value = 1e308 WHERE groupId = 'mercy-valley-health' AND stakeholderId = 'lee' AND topic = 'tco'")
        for arguments in [["next", "mercy-valley-health"], ["group", "show", "mercy-valley-health"], ["group", "show", "mercy-valley-health", "--json"],
                          ["group", "list", "--owner", "alice@rosterline.example"]] {
            let result = try await cli.run(arguments + ["--as-of", "2026-11-29"])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        #expect(try await cli.run("group", "show", "mercy-valley-health", "--as-of", "2026-11-29").stdout.contains("1e+308"))
        let digest = try await cli.run("digest", "--week", "2026-W48", "--out", "out")
        #expect(digest.status == 0, "\(digest.stderr)")
        #expect(try cli.folder.files(under: "out/2026-W48").count == 3 * 4, "every rep and marketing, in three formats")
    }
}
