import Foundation
@testable import NextSend
@testable import NextSendStore
import NextSendTestSupport
import Testing

/// A SQLite store keeps the catalog and evidence of a day in one row, so a CLI `next` reads one
/// blob instead of the asset, tag and follow-up tables. What it keeps must be what the tables say
/// under the versions it was made from, and keeping must never fail, wait or change the data.
@Suite struct KeptCatalogStoreTests {
    let folder = TemporaryFolder()

    func filledStore() throws -> SQLiteStore {
        folder.makeContent(assets: ["tco-model": Samples.assetFile(),
                                    "security-faq": Samples.assetFile(["title": "Security FAQ", "format": "faq", "jobs": "[requirements-building]",
                                                                       "roles": "[security]", "topics": "[deployment]", "resolves": nil])])
        let store = try SQLiteStore(path: folder.path("kept.sqlite"))
        _ = try store.importCatalog(directory: folder.path("content/catalog"), taxonomyPath: nil, asOf: Samples.asOf)
        _ = try store.importGroups(path: folder.write("groups/acme.yaml", Samples.groupYAML), asOf: Samples.asOf)
        return store
    }

    func keptKey(_ store: SQLiteStore) throws -> String? {
        try store.read { try $0.string("SELECT versions || ', day ' || day FROM keptCatalog WHERE id = 1") }
    }

    @Test func theKeptCatalogIsWhatTheTablesSay() throws {
        let store = try filledStore()
        #expect(try keptKey(store) == nil)
        let kept = try #require(try store.keptCatalog(asOf: Samples.asOf))
        #expect(kept.assets == (try store.matchableAssets(asOf: Samples.asOf)))
        #expect(kept.evidence == (try store.evidence(asOf: Samples.asOf)))
        #expect(try keptKey(store) == kept.key.description, "written for the next call")
        #expect(try store.keptCatalog(asOf: Samples.asOf) == kept)
    }

    /// A CLI process exits without closing its connection: the blob must not stay in the
    /// write-ahead log, which every later process would read whole before its first query.
    @Test func theKeptRowDoesNotStayInTheLog() throws {
        let store = try filledStore()
        let log = folder.path("kept.sqlite") + "-wal"
        _ = try store.keptCatalog(asOf: Samples.asOf.adding(days: 1))
        let size = try FileManager.default.attributesOfItem(atPath: log)[.size] as? Int
        #expect(size == 0, "the log was folded into the file after the write")
        #expect(try keptKey(store)?.hasSuffix("day \(Samples.asOf.adding(days: 1))") == true)
    }

    /// Proof the row is what a later call reads: a title changed behind the store's back (no
    /// version moves) is not seen until an import moves the catalog version.
    @Test func aLaterCallReadsTheRowUntilAnImportMovesTheVersion() throws {
        let store = try filledStore()
        _ = try store.keptCatalog(asOf: Samples.asOf)
        try store.write(changesData: false) { try $0.execute("UPDATE asset SET title = 'Changed behind its back' WHERE id = 'tco-model'") }
        #expect(try store.keptCatalog(asOf: Samples.asOf)?.assets.first { $0.id == "tco-model" }?.title != "Changed behind its back")

        folder.write("content/catalog/tco-model.md", Samples.assetFile(["title": "A new title"]))
        _ = try store.importCatalog(directory: folder.path("content/catalog"), taxonomyPath: nil, asOf: Samples.asOf)
        let after = try #require(try store.keptCatalog(asOf: Samples.asOf))
        #expect(after.assets.first { $0.id == "tco-model" }?.title == "A new title")
        #expect(after.assets == (try store.matchableAssets(asOf: Samples.asOf)))
    }

    /// `catalog tag` saves assets one by one: it moves the catalog version like an import.
    @Test func aTaggedAssetIsSeenAtOnce() throws {
        let store = try filledStore()
        let before = try #require(try store.keptCatalog(asOf: Samples.asOf))
        var asset = try #require(before.assets.first { $0.id == "security-faq" })
        asset.roles.append("finance")
        try store.saveAsset(asset, path: nil)
        let after = try #require(try store.keptCatalog(asOf: Samples.asOf))
        #expect(after.key.catalogVersion > before.key.catalogVersion)
        #expect(after.assets.first { $0.id == "security-faq" }?.roles.contains("finance") == true)
    }

    /// A send changes what followed earlier sends; another day changes what is live and learnt.
    @Test func aNewFollowUpOrAnotherDayGivesAFreshCatalog() throws {
        let store = try filledStore()
        let before = try #require(try store.keptCatalog(asOf: Samples.asOf))
        let day = Day("2026-11-20")!
        _ = try store.recordTouch(Touch(asset: "tco-model", to: ["dana", "lee"], date: day, channel: "email"), to: "acme-health", by: Recorder("rep"))
        let later = Day(ordinal: Samples.asOf.ordinal + 40)
        let after = try #require(try store.keptCatalog(asOf: later))
        #expect(after.key.followUpVersion > before.key.followUpVersion)
        #expect(after.key.day == later)
        #expect(after.evidence == (try store.evidence(asOf: later)))
        #expect(after.evidence.records["tco-model"] != nil, "the send's window has closed by then: it counts")
        #expect(after.assets == (try store.matchableAssets(asOf: later)))
        #expect(try keptKey(store) == after.key.description)
    }

    /// `group import --replace` deletes a group and stores it again: what followed its sends is
    /// rebuilt (not lost), and the kept evidence follows when it changed.
    @Test func aReplacingImportKeepsWhatFollowedAndTheKeptEvidenceFollows() throws {
        let store = try filledStore()
        let later = Day(ordinal: Samples.asOf.ordinal + 40)
        func followUps() throws -> Int { try store.read { try $0.int("SELECT COUNT(*) FROM sendFollowUp") } ?? 0 }
        let before = try followUps()
        #expect(before > 0, "the sample group's send is followed up")
        _ = try store.importGroups(path: folder.path("groups/acme.yaml"), asOf: Samples.asOf, replace: true)
        #expect(try followUps() == before, "an identical file replaced keeps every follow-up")

        // A send recorded by hand, then replaced away by the file: its follow-ups go, and so must the evidence kept.
        _ = try store.recordTouch(Touch(asset: "tco-model", to: ["lee"], date: Day("2026-11-20")!, channel: "email"), to: "acme-health",
                                  by: Recorder("rep"))
        let withSend = try #require(try store.keptCatalog(asOf: later))
        _ = try store.importGroups(path: folder.path("groups/acme.yaml"), asOf: Samples.asOf, replace: true)
        #expect(try followUps() == before)
        let after = try #require(try store.keptCatalog(asOf: later))
        #expect(after.key != withSend.key)
        #expect(after.evidence == (try store.evidence(asOf: later)))
    }

    /// A kept index is the index a fresh build gives, list for list and column for column.
    @Test func theKeptIndexIsAFreshBuildsIndex() throws {
        let store = try filledStore()
        _ = try store.keptCatalog(asOf: Samples.asOf)
        let kept = try #require(try store.keptCatalog(asOf: Samples.asOf))
        #expect(kept.index.sameParts(as: CatalogIndex(assets: try store.matchableAssets(asOf: Samples.asOf))))
    }

    /// A question about an earlier day (a send dated last week checks its warnings) is answered
    /// right but does not displace the later day's kept catalog; new data always does.
    @Test func anEarlierDayDoesNotDisplaceALaterOne() throws {
        let store = try filledStore()
        let today = try #require(try store.keptCatalog(asOf: Samples.asOf))
        let lastWeek = Day(ordinal: Samples.asOf.ordinal - 7)
        let earlier = try #require(try store.keptCatalog(asOf: lastWeek))
        #expect(earlier.key.day == lastWeek)
        #expect(earlier.assets == (try store.matchableAssets(asOf: lastWeek)))
        #expect(try keptKey(store) == today.key.description, "today's stays")
        let tomorrow = try #require(try store.keptCatalog(asOf: Day(ordinal: Samples.asOf.ordinal + 1)))
        #expect(try keptKey(store) == tomorrow.key.description, "a later day replaces it")
        folder.write("content/catalog/tco-model.md", Samples.assetFile(["title": "A new title"]))
        _ = try store.importCatalog(directory: folder.path("content/catalog"), taxonomyPath: nil, asOf: Samples.asOf)
        let afterImport = try #require(try store.keptCatalog(asOf: lastWeek))
        #expect(try keptKey(store) == afterImport.key.description, "new versions replace it whatever the day")
    }

    /// Keeping is bookkeeping: the data version, which digests and caches key on, stays put.
    @Test func keepingLeavesTheDataVersionAlone() throws {
        let store = try filledStore()
        let versions = try store.dataVersions()
        _ = try store.keptCatalog(asOf: Samples.asOf)
        #expect(try store.dataVersions() == versions)
        #expect(try keptKey(store) != nil)
    }

    /// While another process holds the write lock, `next` answers at once from the tables and
    /// skips the write; the next call keeps it.
    @Test func aHeldWriteLockSkipsTheWriteWithoutWaiting() throws {
        let store = try filledStore()
        let other = try SQLiteStore(path: folder.path("kept.sqlite"))
        let started = Date()
        let kept = try other.write(changesData: false) { db in
            // A write statement takes the lock (a transaction that has written nothing holds none).
            try db.execute("UPDATE storeVersion SET version = version WHERE id = 1")
            return try store.keptCatalog(asOf: Samples.asOf)
        }
        #expect(Date().timeIntervalSince(started) < SQLiteStore.busyTimeout, "no wait for the lock")
        #expect(kept?.assets == (try store.matchableAssets(asOf: Samples.asOf)))
        #expect(try keptKey(store) == nil, "not written while the lock was held")
        _ = try store.keptCatalog(asOf: Samples.asOf)
        #expect(try keptKey(store) != nil)
    }

    /// `db copy --force` writes the source's versions into the target: a catalog the target kept
    /// under the same numbers must not survive to be read as the copy's.
    @Test func aForcedCopyDropsWhatTheTargetKept() throws {
        let source = try filledStore()
        let target = try SQLiteStore(path: folder.path("target.sqlite"))
        let other = TemporaryFolder()
        other.makeContent(assets: ["only-here": Samples.assetFile(["title": "Only in the target"])])
        _ = try target.importCatalog(directory: other.path("content/catalog"), taxonomyPath: nil, asOf: Samples.asOf)
        _ = try target.keptCatalog(asOf: Samples.asOf)
        let heldKey = try #require(try target.keptCatalog(asOf: Samples.asOf)).key
        _ = try StoreCopy.copy(from: source, to: target, force: true)
        #expect(try keptKey(target) == nil)
        // Even a kept catalog written after the copy by a call that read before it cannot match:
        // the copy's versions move past both sides'.
        let versions = try target.dataVersions(), sourceVersions = try source.dataVersions()
        #expect(versions.catalog > heldKey.catalogVersion && versions.catalog > sourceVersions.catalog)
        #expect(try target.keptCatalog(asOf: Samples.asOf)?.assets.map(\.id) == (try source.matchableAssets(asOf: Samples.asOf)).map(\.id))
    }
}
