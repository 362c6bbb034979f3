import Foundation
import NextSend
import NextSendStore
import NextSendTestSupport
import Testing

@Suite struct CatalogStoreTests {
    let folder = TemporaryFolder()

    func importFolder(_ store: any Store) throws -> CatalogFolderImport {
        try store.importCatalog(directory: folder.path("content/catalog"), taxonomyPath: nil, asOf: Samples.asOf)
    }

    @Test(arguments: StoreKind.allCases)
    func importsAssetsWithAllTheirTagsAndReadsThemBack(_ kind: StoreKind) throws {
        // Given a folder with two assets
        folder.makeContent(assets: ["tco-model": Samples.assetFile(),
                                    "security-faq": Samples.assetFile(["title": "Security FAQ", "format": "faq", "jobs": "[requirements-building]", "roles": "[security]", "topics": "[deployment]", "resolves": nil])])
        guard let store = try kind.make() else { return }
        // When it is imported
        let result = try importFolder(store)
        // Then both are stored, with their tags in file order
        #expect(result.summary.added == ["security-faq", "tco-model"])
        let stored = try #require(try store.asset(id: "tco-model"))
        let parsed = try #require(AssetParser.parse(Samples.assetFile(), id: "tco-model", file: "x", taxonomy: Samples.taxonomy, asOf: Samples.asOf).asset)
        #expect(stored == parsed)
        #expect(try store.taxonomy() == Samples.taxonomy)
    }

    @Test(arguments: StoreKind.allCases)
    func reimportingReportsUpdatesAndUnchangedAssets(_ kind: StoreKind) throws {
        folder.makeContent(assets: ["a": Samples.assetFile(), "b": Samples.assetFile()])
        guard let store = try kind.make() else { return }
        _ = try importFolder(store)
        folder.write("content/catalog/b.md", Samples.assetFile(["title": "A new title"]))
        let second = try importFolder(store)
        #expect(second.summary.updated == ["b"])
        #expect(second.summary.unchanged == 1)
        #expect(second.summary.added.isEmpty)
        #expect(try store.asset(id: "b")?.title == "A new title")
    }

    @Test(arguments: StoreKind.allCases)
    func assetsRemovedFromTheFolderAreRetiredNotDeleted(_ kind: StoreKind) throws {
        folder.makeContent(assets: ["a": Samples.assetFile(), "b": Samples.assetFile()])
        guard let store = try kind.make() else { return }
        _ = try importFolder(store)
        try FileManager.default.removeItem(atPath: folder.path("content/catalog/b.md"))
        let second = try importFolder(store)
        #expect(second.summary.retired == ["b"])
        #expect(try store.asset(id: "b")?.status == .retired)
        #expect(try store.assets(matching: AssetFilter(status: .published)).map(\.id) == ["a"])
        // A third import does not retire it again.
        #expect(try importFolder(store).summary.retired.isEmpty)
    }

    @Test(arguments: StoreKind.allCases)
    func anyErrorInAnyFileWritesNothing(_ kind: StoreKind) throws {
        // Given a store holding one asset
        folder.makeContent(assets: ["keep": Samples.assetFile()])
        guard let store = try kind.make() else { return }
        _ = try importFolder(store)
        let before = try store.assets()
        // When the folder gains one good file and three bad ones
        folder.write("content/catalog/good.md", Samples.assetFile(["title": "Good"]))
        folder.write("content/catalog/bad-job.md", Samples.assetFile(["jobs": "[validaton]"]))
        folder.write("content/catalog/broken-yaml.md", "---\ntitle: [unclosed\nformat: tool\n---\nbody\n")
        folder.write("content/catalog/no-title.md", Samples.assetFile(["title": nil]))
        try FileManager.default.removeItem(atPath: folder.path("content/catalog/keep.md"))
        // Then the import fails naming all three files, and nothing changed: not even the good asset or the retirement
        let failure = try #require(throws: ValidationFailure.self) { try importFolder(store) }
        let files = Set(failure.errors.map { URL(fileURLWithPath: $0.file).lastPathComponent })
        #expect(files == ["bad-job.md", "broken-yaml.md", "no-title.md"])
        #expect(failure.errors.allSatisfy { $0.line != nil })
        #expect(try store.assets() == before)
        #expect(try store.asset(id: "good") == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func searchFindsWordsInTitleSummaryAndBodyBestFirst(_ kind: StoreKind) throws {
        folder.makeContent(assets: [
            "tco-model": Samples.assetFile(),
            "epic-checklist": Samples.assetFile(["title": "Epic integration checklist", "summary": "Interfaces for Epic."],
                                                 body: Samples.body + "\nHL7 interfaces and Epic census feeds."),
            "faq": Samples.assetFile(["title": "General FAQ"], body: Samples.body + "\nMentions epic once."),
        ])
        guard let store = try kind.make() else { return }
        _ = try importFolder(store)
        #expect(try store.assets(matching: AssetFilter(search: "epic")).map(\.id) == ["epic-checklist", "faq"])
        #expect(try store.assets(matching: AssetFilter(search: "interfac")).map(\.id).first == "epic-checklist", "prefix search")
        #expect(try store.assets(matching: AssetFilter(search: "spreadsheet nowhere")).isEmpty)
        #expect(try store.assets(matching: AssetFilter(search: "\"unbalanced OR (")).isEmpty, "search text is never FTS syntax")
    }

    @Test(arguments: StoreKind.allCases)
    func filtersCombine(_ kind: StoreKind) throws {
        folder.makeContent(assets: [
            "a": Samples.assetFile(),
            "b": Samples.assetFile(["jobs": "[requirements-building]", "roles": "[security]", "format": "faq", "resolves": nil, "topics": "[deployment]"]),
            "c": Samples.assetFile(["status": "draft"]),
        ])
        guard let store = try kind.make() else { return }
        _ = try importFolder(store)
        #expect(try store.assets(matching: AssetFilter(job: .validation)).map(\.id) == ["a", "c"])
        #expect(try store.assets(matching: AssetFilter(job: .validation, status: .published)).map(\.id) == ["a"])
        #expect(try store.assets(matching: AssetFilter(role: "security")).map(\.id) == ["b"])
        #expect(try store.assets(matching: AssetFilter(topic: "tco")).map(\.id) == ["a", "c"])
        #expect(try store.assets(matching: AssetFilter(format: "faq")).map(\.id) == ["b"])
    }

    @Test func aDatabaseFromANewerNextSendIsRefused() throws {
        let path = folder.path("db.sqlite")
        _ = try SQLiteStore(path: path)
        // A later version adds a migration this one does not know.
        let sqlite = Process()
        // Never the working directory a command running in process has borrowed: it may be gone by the time the child asks.
        sqlite.currentDirectoryURL = FileManager.default.temporaryDirectory
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["sqlite3", path, "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')"]
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)
        let error = try #require(throws: StoreError.self) { try SQLiteStore(path: path) }
        #expect(error.code == .newerSchema)
        #expect(error.description.contains("newer version of NextSend"))
    }

    @Test func aFileThatIsNotADatabaseIsRefused() throws {
        let path = folder.write("db.sqlite", String(repeating: "not a database ", count: 200))
        let error = try #require(throws: StoreError.self) { try SQLiteStore(path: path) }
        #expect(error.code == .damaged)
        #expect(folder.read("db.sqlite").hasPrefix("not a database"), "the file is left as it was")
    }

    @Test func symbolicLinksOutOfTheCatalogFolderAreRefused() throws {
        folder.makeContent(assets: ["a": Samples.assetFile()])
        let outside = folder.write("elsewhere/secret.md", Samples.assetFile())
        try FileManager.default.createSymbolicLink(atPath: folder.path("content/catalog/link.md"), withDestinationPath: outside)
        let failure = try #require(throws: ValidationFailure.self) { try importFolder(try SQLiteStore.inMemory()) }
        #expect(failure.errors.first?.message.contains("outside the catalog folder") == true)
    }
}

/// The catalog as it stood (#33): the store records the day each asset first came and the day it
/// was retired, and a past day sees the catalog of that day.
@Suite struct CatalogDaysTests {
    let folder = TemporaryFolder()

    @Test(arguments: StoreKind.allCases)
    func aPastDaySeesTheCatalogAsItStood(_ kind: StoreKind) throws {
        guard let store = try kind.make() else { return }
        let taxonomy = Samples.taxonomy
        func asset(_ id: String, published: Day? = nil) -> Asset {
            Asset(id: id, title: id, format: "guide", jobs: [.validation], roles: ["finance"], published: published)
        }
        try store.importCatalog([asset("old"), asset("leaving")], taxonomy: taxonomy, taxonomySource: "t", asOf: Day("2026-11-02")!)
        try store.importCatalog([asset("old"), asset("new"), asset("dated", published: Day("2026-11-20")!)], taxonomy: taxonomy,
                                taxonomySource: "t", allowRetire: true, asOf: Day("2026-11-25")!)
        let snapshot = try store.snapshot()
        let days = try snapshot.assetDays()
        #expect(days["new"]?.firstImported == Day("2026-11-25"))
        #expect(days["leaving"]?.retiredOn == Day("2026-11-25"))
        func live(_ day: String) throws -> [String] {
            CatalogHistory.asItStood(try snapshot.assetsWithoutBodies(), days: days, on: Day(day)!).filter { $0.isLive(asOf: Day(day)!) }.map(\.id)
        }
        #expect(try live("2026-11-22") == ["leaving", "old"],
                "the week before: 'leaving' still there, 'new' not yet, nor 'dated' (published the 20th, first imported the 25th)")
        #expect(try live("2026-11-29") == ["dated", "new", "old"])
    }

    /// The digest reads the catalog without bodies (it never shows one): everything else is the
    /// stored asset, tags, resolutions and dates included.
    @Test(arguments: StoreKind.allCases)
    func theSnapshotsCatalogIsTheStoredOneWithoutBodies(_ kind: StoreKind) throws {
        guard let store = try kind.make() else { return }
        let resolver = try #require(AssetParser.parse(Samples.assetFile(), id: "tco-model", file: "tco-model.md",
                                                      taxonomy: Samples.taxonomy, asOf: Day("2026-11-25")!).asset)
        #expect(!resolver.resolves.isEmpty, "one asset resolves a topic")
        let plain = Asset(id: "plain", title: "Plain", summary: "Short.", url: "https://example.com/p", format: "guide",
                          jobs: [.validation, .requirementsBuilding], roles: ["finance", "it"], topics: ["tco"],
                          published: Day("2026-11-01")!, reviewBy: Day("2027-02-01")!, owner: "pmm@vendor.example",
                          body: "A body that only search reads.")
        try store.importCatalog([resolver, plain], taxonomy: Samples.taxonomy, taxonomySource: "t", asOf: Day("2026-11-25")!)
        let stored = try store.assets()
        #expect(stored.allSatisfy { !$0.body.isEmpty }, "the stored assets have bodies to leave out")
        let withoutBodies = stored.map { asset -> Asset in
            var asset = asset
            asset.body = ""
            return asset
        }
        #expect(try store.snapshot().assetsWithoutBodies() == withoutBodies)
    }
}

/// Search that finds what a marketer types (#33), the same on SQLite and PostgreSQL: prefixes,
/// ids, tags and the taxonomy's labels, `OR`, quoted phrases, and a did-you-mean.
@Suite struct CatalogSearchTests {
    let folder = TemporaryFolder()

    @Test(arguments: StoreKind.allCases)
    func searchFindsIdsTagsLabelsPrefixesPhrasesAndAlternatives(_ kind: StoreKind) throws {
        guard let store = try kind.make() else { return }
        folder.makeContent(assets: [
            "tco-model": Samples.assetFile(),
            "soc2-report": Samples.assetFile(["title": "Our audit report", "summary": "What the auditors checked.", "format": "guide",
                                              "roles": "[security]", "topics": "[deployment]", "resolves": nil],
                                             body: "Controls, evidence and the period covered."),
            "hosting-note": Samples.assetFile(["title": "Where your data lives", "summary": "Hosting in plain words.", "format": "guide",
                                               "roles": "[it]", "topics": nil, "resolves": nil],
                                              body: "We deploy in two regions."),
        ])
        _ = try store.importCatalog(directory: folder.path("content/catalog"), taxonomyPath: nil, asOf: Samples.asOf)
        func ids(_ search: String) throws -> [String] { try store.assets(matching: AssetFilter(search: search)).map(\.id) }

        #expect(try ids("soc2") == ["soc2-report"], "an id")
        #expect(try Set(ids("deploy")) == ["tco-model", "soc2-report", "hosting-note"], "a prefix: tagged deployment, or 'deploy' in the text")
        #expect(try ids("deploy").suffix(1) == ["hosting-note"], "a match in the tags ranks above one in the body only")
        #expect(try ids("total cost of ownership") == ["tco-model"], "the topic's label")
        #expect(try ids("security") == ["soc2-report"], "a role")
        #expect(try Set(ids("soc2 OR hosting")) == ["soc2-report", "hosting-note"])
        #expect(try ids("\"shared model\"") == ["tco-model"], "a phrase")
        #expect(try ids("\"model shared\"").isEmpty, "a phrase keeps its order")
        #expect(try ids("secruity").isEmpty)
        #expect(try store.searchSuggestion("secruity") == "security")
        #expect(try store.searchSuggestion("soc2") == nil, "a word that matches needs no suggestion")
    }
}
