import Foundation
import NextSend
import NextSendPostgres
import NextSendStore
import NextSendTestSupport
import Testing

/// The frozen migration that renames group-file sources from paths to groups (SQLite
/// v17-stable-file-origins, PostgreSQL v10): a database where one file was imported from two
/// checkouts — every send, claim and event twice — comes out with each fact once, under
/// `file:<group id>`, and a later import from a third checkout changes nothing.
@Suite struct OriginMigrationTests {
    let folder = TemporaryFolder()

    @Test(arguments: StoreKind.allCases)
    func pathsBecomeGroupsAndTwinsFromTwoCheckoutsBecomeOne(_ kind: StoreKind) throws {
        // A database as an older NextSend left it: the new code imports, then the rows are given
        // the old path origins, copied under a second checkout's path, and the migration unmarked.
        let location: String
        let rerun: String
        switch kind {
        case .sqlite:
            location = folder.path("old.sqlite")
            rerun = "DELETE FROM grdb_migrations WHERE identifier = 'v17-stable-file-origins';"
        case .postgres:
            guard let url = try PostgresTestServer.freshDatabase() else { return }
            location = url
            rerun = "DELETE FROM nextsendMigration WHERE name = 'v10-stable-file-origins';"
        }
        let sends: Int
        do {
            let store = try open(kind, location)
            folder.makeContent(assets: ["tco-model": Samples.assetFile()])
            _ = try store.importCatalog(directory: folder.path("content/catalog"), taxonomyPath: nil, asOf: Samples.asOf)
            _ = try store.importGroups(path: folder.write("a/groups/acme.yaml", Samples.groupYAML), asOf: Samples.asOf)
            sends = try store.history(ofGroup: "acme-health").sends.count
        }
        let a = "file:/srv/checkout-a/groups/acme.yaml", b = "file:/home/maria/nextsend/groups/acme.yaml"
        var sql = ["UPDATE buyingGroup SET origin = '\(a)';"]
        for table in ["stakeholder", "claim", "jobEvent", "send"] { sql.append("UPDATE \(table) SET origin = '\(a)';") }
        sql.append("""
            INSERT INTO send (groupId, assetId, stakeholderId, date, channel, consumed, origin, recordedBy)
                SELECT groupId, assetId, stakeholderId, date, channel, consumed, '\(b)', recordedBy FROM send;
            """)
        sql.append("""
            INSERT INTO claim (groupId, stakeholderId, topic, position, value, source, date, origin, recordedBy, quote)
                SELECT groupId, stakeholderId, topic, position, value, source, date, '\(b)', recordedBy, quote FROM claim;
            """)
        sql.append(rerun)
        try raw(kind, location, sql.joined(separator: "\n"))

        let store = try open(kind, location)
        let history = try store.history(ofGroup: "acme-health")
        #expect(history.sends.count == sends, "each send once")
        #expect(history.claims.count == Samples.group.claims.count, "each claim once")
        #expect(history.sends.allSatisfy { $0.provenance.origin == "file:acme-health" })
        #expect(history.claims.allSatisfy { $0.provenance.origin == "file:acme-health" })
        #expect(history.people.allSatisfy { $0.provenance.origin == "file:acme-health" })
        #expect(try store.group(id: "acme-health") == Samples.group)
        let third = try store.importGroups(path: folder.write("c/groups/acme.yaml", Samples.groupYAML), asOf: Samples.asOf).summary
        #expect(third.unchanged == ["acme-health"] && third.facts == FactCounts(), "the third checkout is the same source")
    }

    private func open(_ kind: StoreKind, _ location: String) throws -> any Store {
        switch kind {
        case .sqlite: return try SQLiteStore(path: location)
        case .postgres: return try PostgresStore(try PostgresLocation(url: location))
        }
    }

    /// Runs SQL behind the store's back, with the database's own shell.
    private func raw(_ kind: StoreKind, _ location: String, _ sql: String) throws {
        switch kind {
        case .sqlite:
            let process = Process()
            // Never the working directory a command running in process has borrowed: it may be gone by the time the child asks.
            process.currentDirectoryURL = FileManager.default.temporaryDirectory
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["sqlite3", location, sql]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        case .postgres:
            try PostgresTestServer.psql(location.replacingOccurrences(of: "?sslmode=disable", with: ""), sql)
        }
    }
}
