import Foundation
import NextSendTestSupport
import Testing

/// The same content and groups in SQLite and in PostgreSQL give the same answers, byte for
/// byte: `next --json`, `group show --json` and every digest file.
@Suite struct StoreEquivalenceTests {
    let cli = CLI()

    /// Runs one command on both stores; both must succeed.
    @discardableResult
    func both(_ postgres: String, _ arguments: String...) async throws -> (sqlite: CLI.Result, postgres: CLI.Result) {
        let lite = try await cli.run(arguments)
        let pg = try await cli.run(arguments, environment: ["NEXTSEND_DB": postgres])
        #expect(lite.status == 0, "sqlite: \(arguments.joined(separator: " ")): \(lite.stderr)")
        #expect(pg.status == 0, "postgres: \(arguments.joined(separator: " ")): \(pg.stderr)")
        return (lite, pg)
    }

    @Test func nextGroupShowAndTheDigestAreByteIdenticalOnBothStores() async throws {
        guard let postgres = try PostgresTestServer.freshDatabase() else { return }
        let content = CLI.repositoryContent
        try await both(postgres, "catalog", "import", content + "/catalog", "--as-of", "2026-11-29")
        try await both(postgres, "group", "import", content + "/groups", "--as-of", "2026-11-29")
        try await both(postgres, "crm", "import", "salesforce", content + "/crm/salesforce", "--mapping", content + "/crm.yaml", "--as-of", "2026-11-29")
        try await both(postgres, "crm", "import", "hubspot", content + "/crm/hubspot", "--mapping", content + "/crm.yaml", "--as-of", "2026-11-29")
        // What reps record goes through the same rules on both.
        try await both(postgres, "sent", "mercy-valley-health", "tco-model", "--to", "dana,lee", "--as-of", "2026-11-27", "--by", "alice")
        try await both(postgres, "group", "claim", "mercy-valley-health", "--stakeholder", "lee", "--topic", "tco", "--value", "250000",
                 "--as-of", "2026-11-28", "--by", "alice")

        let list = try await both(postgres, "group", "list", "--as-of", "2026-11-29", "--json")
        #expect(list.sqlite.stdout == list.postgres.stdout)
        let groups = try #require(try JSONSerialization.jsonObject(with: Data(list.sqlite.stdout.utf8)) as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(groups.count == 8, "\(groups)")
        for group in groups {
            let next = try await both(postgres, "next", group, "--as-of", "2026-11-29", "--json")
            #expect(next.sqlite.stdout == next.postgres.stdout, "next \(group) differs")
            let show = try await both(postgres, "group", "show", group, "--as-of", "2026-11-29", "--json")
            #expect(show.sqlite.stdout == show.postgres.stdout, "group show \(group) differs")
        }

        let lite = try await cli.run("digest", "--week", "2026-W48", "--out", cli.folder.path("digest-sqlite"))
        let pg = try await cli.run(["digest", "--week", "2026-W48", "--out", cli.folder.path("digest-postgres")], environment: ["NEXTSEND_DB": postgres])
        #expect(lite.status == 0 && pg.status == 0, "\(lite.stderr)\(pg.stderr)")
        let sqliteFiles = try cli.folder.files(under: "digest-sqlite")
        let postgresFiles = try cli.folder.files(under: "digest-postgres")
        #expect(sqliteFiles.count > 10)
        #expect(sqliteFiles.keys.sorted() == postgresFiles.keys.sorted())
        for (path, bytes) in sqliteFiles { #expect(postgresFiles[path] == bytes, "\(path) differs") }
    }
}
