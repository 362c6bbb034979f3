import Foundation
import NextSend
import NextSendDigest
import NextSendStore
import NextSendTestSupport
import Testing

@Suite struct DigestRunTests {
    let folder = TemporaryFolder()
    let week = IsoWeek("2026-W48")!

    /// A store with the sample catalog and `count` groups spread over `reps` reps.
    func makeStore(groups count: Int = 12, reps: Int = 4, owner: (Int) -> String = { "rep\($0)@vendor.example" },
                   inMemory: Bool = false) throws -> Store {
        let store = inMemory ? try SQLiteStore.inMemory() : try SQLiteStore(path: folder.path("db.sqlite"))
        folder.makeContent(assets: ["tco-model": Samples.assetFile(),
                                    "security-faq": Samples.assetFile(["title": "Security FAQ", "format": "faq", "roles": "[security]",
                                                                      "jobs": "[requirements-building]", "resolves": nil, "topics": "[deployment]"])])
        _ = try store.importCatalog(directory: folder.path("content/catalog"), taxonomyPath: nil, asOf: Samples.asOf)
        var groups: [BuyingGroup] = []
        for index in 0..<count {
            var group = Samples.group
            group.id = "group-\(index)"
            group.account = "Account \(index)"
            group.owner = owner(index % reps)
            groups.append(group)
        }
        try store.importGroups(groups)
        return store
    }

    @Test func writesEveryRepAndMarketingInEveryFormat() throws {
        let store = try makeStore()
        let summary = try DigestRun.run(store: store, options: .init(week: week, outDirectory: folder.path("out")))
        #expect(summary.repsWritten.count == 4)
        #expect(summary.marketing == .written)
        #expect(summary.files == 4 * 3 + 3)
        let files = try folder.files(under: "out/2026-W48")
        #expect(files.keys.contains("/reps/rep0@vendor.example.html"))
        #expect(files.keys.contains("/marketing.json"))
        #expect(files.count == 15)
    }

    @Test func theSameWeekOnTheSameDataGivesTheSameBytes() throws {
        let store = try makeStore()
        _ = try DigestRun.run(store: store, options: .init(week: week, outDirectory: folder.path("a"), workers: 4))
        _ = try DigestRun.run(store: store, options: .init(week: week, outDirectory: folder.path("b"), workers: 1))
        let a = try folder.files(under: "a")
        let b = try folder.files(under: "b")
        #expect(a == b)
        #expect(!a.isEmpty)
    }

    @Test func aRerunSkipsFinishedRepsUnlessForcedOrTheDataChanged() throws {
        let store = try makeStore()
        let out = folder.path("out")
        _ = try DigestRun.run(store: store, options: .init(week: week, outDirectory: out))
        let again = try DigestRun.run(store: store, options: .init(week: week, outDirectory: out))
        #expect(again.repsWritten.isEmpty)
        #expect(again.repsAlreadyDone.count == 4)
        #expect(again.marketing == .alreadyDone)
        let forced = try DigestRun.run(store: store, options: .init(week: week, outDirectory: out, force: true))
        #expect(forced.repsWritten.count == 4)
        try store.recordClaim(Claim(stakeholder: "lee", topic: "tco", value: .number(125_000), date: Day("2026-11-28")!), to: "group-0",
                              by: Recorder("test"))
        let changed = try DigestRun.run(store: store, options: .init(week: week, outDirectory: out))
        #expect(changed.repsWritten.count == 4, "new data: every digest is written again")
        try FileManager.default.removeItem(atPath: folder.path("out/2026-W48/reps/rep1@vendor.example.md"))
        let repaired = try DigestRun.run(store: store, options: .init(week: week, outDirectory: out))
        #expect(repaired.repsWritten == ["rep1@vendor.example"], "a deleted file is written again")
    }

    @Test func shardsSplitTheRepsWithoutOverlapAndOnlyTheFirstWritesMarketing() throws {
        let store = try makeStore(groups: 30, reps: 10)
        var seen: [String] = []
        for index in 1...3 {
            let summary = try DigestRun.run(store: store, options: .init(week: week, outDirectory: folder.path("out"), shard: Shard("\(index)/3")))
            seen += summary.repsWritten
            #expect(summary.marketing == (index == 1 ? .written : .notThisRun))
        }
        #expect(seen.sorted() == (0..<10).map { "rep\($0)@vendor.example" }.sorted())
        #expect(Set(seen).count == seen.count)
        let whole = try DigestRun.run(store: store, options: .init(week: week, outDirectory: folder.path("whole")))
        #expect(try folder.files(under: "whole/2026-W48") == folder.files(under: "out/2026-W48"),
                "shards together write what one run writes")
        _ = whole
    }

    @Test func ownerWritesOneRepAndNoMarketing() throws {
        let store = try makeStore()
        let summary = try DigestRun.run(store: store, options: .init(week: week, outDirectory: folder.path("out"), owner: "rep2@vendor.example",
                                                                     formats: [.md]))
        #expect(summary.repsWritten == ["rep2@vendor.example"])
        #expect(summary.files == 1)
        #expect(summary.marketing == .notThisRun)
    }

    /// Hostile values: markup in a title, a name and a rep id that tries to leave the folder.
    @Test func hostileValuesAreEscapedAndContained() throws {
        let store = try SQLiteStore(path: folder.path("db.sqlite"))
        folder.makeContent(assets: ["tco-model": Samples.assetFile(["title": "\"<script>alert('t')</script> & Co\""])])
        _ = try store.importCatalog(directory: folder.path("content/catalog"), taxonomyPath: nil, asOf: Samples.asOf)
        var group = Samples.group
        group.owner = "../../evil<script>&\"rep\""
        group.stakeholders[0].name = "Dana <img src=x onerror=alert(1)> \"Reyes\" & Sons"
        try store.importGroups([group])
        let out = folder.path("out")
        _ = try DigestRun.run(store: store, options: .init(week: week, outDirectory: out))

        let all = try folder.files(under: ".")
        #expect(!all.keys.contains { $0.contains("evil") && !$0.hasPrefix("/out/2026-W48/reps/") }, "\(all.keys)")
        let reps = try FileManager.default.contentsOfDirectory(atPath: folder.path("out/2026-W48/reps"))
        #expect(reps.count == 3)
        #expect(reps.allSatisfy { !$0.contains("/") && !$0.hasPrefix(".") && !$0.contains("<") })

        let html = try #require(reps.first { $0.hasSuffix(".html") }).map { try String(contentsOfFile: folder.path("out/2026-W48/reps/\($0)"), encoding: .utf8) }!
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; &amp; Co"))
        #expect(html.contains("Dana &lt;img src=x onerror=alert(1)&gt; &quot;Reyes&quot; &amp; Sons"))
        #expect(html.contains("../../evil&lt;script&gt;&amp;&quot;rep&quot;"))
        let marketing = try String(contentsOfFile: folder.path("out/2026-W48/marketing.html"), encoding: .utf8)
        #expect(!marketing.contains("<script>"))
        let markdown = try #require(reps.first { $0.hasSuffix(".md") }).map { try String(contentsOfFile: folder.path("out/2026-W48/reps/\($0)"), encoding: .utf8) }!
        #expect(!markdown.contains("<script>") && !markdown.contains("<img"))
    }

    @Test func htmlStaysUnder100KBForARepWithManyGroups() throws {
        let store = try makeStore(groups: 200, reps: 1)
        _ = try DigestRun.run(store: store, options: .init(week: week, outDirectory: folder.path("out"), formats: [.html, .md]))
        let html = try Data(contentsOf: URL(fileURLWithPath: folder.path("out/2026-W48/reps/rep0@vendor.example.html")))
        #expect(html.count < 100_000, "\(html.count) bytes")
        let markdown = try String(contentsOfFile: folder.path("out/2026-W48/reps/rep0@vendor.example.md"), encoding: .utf8)
        #expect(markdown.contains("group-199"), "the Markdown keeps every group")
    }

    @Test func repFileNamesAreSafeAndDistinct() {
        #expect(OutputFiles.fileName(forRep: "alice@vendor.example") == "alice@vendor.example")
        #expect(!OutputFiles.fileName(forRep: "../x").contains("/"))
        #expect(!OutputFiles.fileName(forRep: ".hidden").hasPrefix("."))
        #expect(OutputFiles.fileName(forRep: "a/b") != OutputFiles.fileName(forRep: "a_b"))
        #expect(OutputFiles.fileName(forRep: "") != "")
    }

    /// An in-memory store has one connection: the batch must not wait on itself for its ledger.
    @Test(.timeLimit(.minutes(1)))
    func aRunOnAnInMemoryStoreWritesWhatAFileStoreWrites() throws {
        let memory = try makeStore(inMemory: true)
        let summary = try DigestRun.run(store: memory, options: .init(week: week, outDirectory: folder.path("memory"), workers: 2))
        #expect(summary.repsWritten.count == 4)
        #expect(summary.marketing == .written)
        let again = try DigestRun.run(store: memory, options: .init(week: week, outDirectory: folder.path("memory")))
        #expect(again.repsAlreadyDone.count == 4, "the ledger was written")
        _ = try DigestRun.run(store: try makeStore(), options: .init(week: week, outDirectory: folder.path("file")))
        #expect(try folder.files(under: "memory") == folder.files(under: "file"))
    }
}
