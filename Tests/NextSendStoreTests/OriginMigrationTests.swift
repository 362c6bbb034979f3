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
        // A database as an older NextSend left it: the group stored under the old path origin, its
        // sends and claims copied under a second checkout's path, and the migration unmarked.
        guard let old = try OldSchemaDatabase.make(kind, at: folder.path("old.sqlite")) else { return }
        folder.makeContent(assets: ["tco-model": Samples.assetFile()])
        let sends: Int
        do {
            let fresh = try SQLiteStore.inMemory()
            _ = try fresh.importCatalog(directory: folder.path("content/catalog"), taxonomyPath: nil, asOf: Samples.asOf)
            _ = try fresh.importGroups(path: folder.write("a/groups/acme.yaml", Samples.groupYAML), asOf: Samples.asOf)
            sends = try fresh.history(ofGroup: "acme-health").sends.count
        }
        let a = "file:/srv/checkout-a/groups/acme.yaml", b = "file:/home/maria/nextsend/groups/acme.yaml"
        var sql = OldSchemaDatabase.inserts(Samples.group, origin: a)
        sql.append("""
            INSERT INTO send (groupId, assetId, stakeholderId, date, channel, consumed, origin, recordedBy)
                SELECT groupId, assetId, stakeholderId, date, channel, consumed, '\(b)', recordedBy FROM send;
            """)
        sql.append("""
            INSERT INTO claim (groupId, stakeholderId, topic, position, value, source, date, origin, recordedBy, quote)
                SELECT groupId, stakeholderId, topic, position, value, source, date, '\(b)', recordedBy, quote FROM claim;
            """)
        sql.append(old.unmark(sqlite: "v17-stable-file-origins", postgres: "v10-stable-file-origins"))
        try old.run(sql.joined(separator: "\n"))

        let store = try old.open()
        _ = try store.importCatalog(directory: folder.path("content/catalog"), taxonomyPath: nil, asOf: Samples.asOf)
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
}
