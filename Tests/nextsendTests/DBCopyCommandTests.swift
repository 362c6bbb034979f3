import Foundation
import NextSendTestSupport
import Testing

/// `nextsend db copy`: a team moving to PostgreSQL and back loses nothing.
@Suite struct DBCopyCommandTests {
    let cli = CLI()

    /// A SQLite database with the shipped content, a CRM import and recorded facts.
    func filledSQLite() async throws {
        let content = CLI.repositoryContent
        #expect(try await cli.run("catalog", "import", content + "/catalog", "--as-of", "2026-11-29").status == 0)
        #expect(try await cli.run("group", "import", content + "/groups", "--as-of", "2026-11-29").status == 0)
        #expect(try await cli.run("crm", "import", "salesforce", content + "/crm/salesforce", "--mapping", content + "/crm.yaml",
                            "--as-of", "2026-11-29").status == 0)
        #expect(try await cli.run("sent", "mercy-valley-health", "tco-model", "--to", "dana", "--as-of", "2026-11-28", "--by", "alice").status == 0)
        #expect(try await cli.run("retract", "mercy-valley-health", "send", "--asset", "tco-model", "--to", "dana", "--date", "2026-11-28",
                            "--by", "alice").status == 0)
        #expect(try await cli.run("dismiss", "mercy-valley-health", "pricing-guide", "--reason", "too early", "--as-of", "2026-11-28",
                            "--by", "alice").status == 0)
    }

    @Test func aRoundTripThroughPostgreSQLLeavesEveryRowAsItWas() async throws {
        guard let postgres = try PostgresTestServer.freshDatabase() else { return }
        try await filledSQLite()
        let there = try await cli.run("db", "copy", cli.database, postgres)
        #expect(there.status == 0, "\(there.stderr)")
        #expect(there.stdout.contains("every table counted on both sides"))
        #expect(!there.stdout.contains("sslmode=disable@"), "no password or query in odd places")
        let back = cli.folder.path("back.sqlite")
        let home = try await cli.run("db", "copy", postgres, back)
        #expect(home.status == 0, "\(home.stderr)")
        // Same rows, table by table (insertion order aside); the kept catalog is a cache the
        // copy leaves behind on purpose, rebuilt by the first `next`.
        // The catalog and follow-up versions only key caches and move on with each copy; the
        // data version a resumed digest checks is copied as it is.
        func rows(_ dump: String) -> [Substring] {
            dump.split(separator: "\n").filter { !$0.hasPrefix("INSERT INTO keptCatalog ") && !$0.hasPrefix("INSERT INTO storeVersion ") }.sorted()
        }
        func dataVersion(_ dump: String) -> Substring? {
            dump.split(separator: "\n").first { $0.hasPrefix("INSERT INTO storeVersion ") }?.split(separator: ",").dropFirst().first
        }
        let original = try cli.dump(), copied = try cli.sqlite(at: back, [".dump"])
        #expect(rows(original) == rows(copied))
        #expect(dataVersion(original) != nil && dataVersion(original) == dataVersion(copied))
        // The copy is a working store: a rep records on it, after the copied history.
        let claim = try await cli.run(["group", "claim", "mercy-valley-health", "--stakeholder", "lee", "--topic", "tco", "--value", "99000",
                                 "--as-of", "2026-11-29", "--by", "bob"], environment: ["NEXTSEND_DB": postgres])
        #expect(claim.status == 0, "\(claim.stderr)")
    }

    @Test func aTargetThatHoldsDataIsRefusedUnlessForced() async throws {
        guard let postgres = try PostgresTestServer.freshDatabase() else { return }
        try await filledSQLite()
        #expect(try await cli.run("db", "copy", cli.database, postgres).status == 0)
        let again = try await cli.run("db", "copy", cli.database, postgres)
        #expect(again.status == 73)
        #expect(again.stderr.contains("already holds a catalog or groups"), "\(again.stderr)")
        let forced = try await cli.run("db", "copy", cli.database, postgres, "--force", "--json")
        #expect(forced.status == 0, "\(forced.stderr)")
        let copied = try #require(try JSONSerialization.jsonObject(with: Data(forced.stdout.utf8)) as? [String: Any])
        let tables = copied["tables"] as? [[String: Any]] ?? []
        #expect(tables.first { $0["table"] as? String == "buyingGroup" }?["rows"] as? Int == 7)
        // Into the same SQLite file it came from: refused, nothing touched.
        let same = try await cli.run("db", "copy", cli.database, cli.database, "--force")
        #expect(same.status == 65)
    }

    @Test func anUnreachableServerExits69WithoutItsPassword() async throws {
        let result = try await cli.run("next", "mercy-valley-health", "--db", "postgres://nextsend:s3cret@127.0.0.1:1/nextsend?sslmode=disable")
        #expect(result.status == 69)
        #expect(result.stderr.contains("cannot reach the PostgreSQL server of postgres://nextsend@127.0.0.1:1/nextsend"), "\(result.stderr)")
        #expect(!result.stderr.contains("s3cret"))
    }
}
