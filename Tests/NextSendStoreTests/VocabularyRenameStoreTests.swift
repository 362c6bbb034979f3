import Foundation
import NextSend
@testable import NextSendStore
import NextSendTestSupport
import Testing

/// `taxonomy rename` on the shipped content: what it keeps, and what a crash at each step leaves.
@Suite struct VocabularyRenameStoreTests {
    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("content")
    let folder = TemporaryFolder()
    let asOf = Day("2026-11-29")!
    let tco = try! VocabularyRename(.topic, from: "tco", to: "total-cost")

    var content: String { folder.path("content") }

    /// The shipped taxonomy, catalog, groups and CRM mapping, copied (links followed), imported.
    func importedStore(_ kind: StoreKind) throws -> (any Store)? {
        for sub in ["catalog", "groups"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: Self.shipped.appendingPathComponent(sub).path)
            for name in names where !name.hasPrefix(".") {
                folder.write("content/\(sub)/\(name)", try String(contentsOf: Self.shipped.appendingPathComponent("\(sub)/\(name)"), encoding: .utf8))
            }
        }
        for file in ["taxonomy.yaml", "crm.yaml"] {
            folder.write("content/\(file)", try String(contentsOf: Self.shipped.appendingPathComponent(file).resolvingSymlinksInPath(), encoding: .utf8))
        }
        guard let store = try kind.make() else { return nil }
        _ = try store.importCatalog(directory: folder.path("content/catalog"), taxonomyPath: nil, asOf: asOf)
        _ = try store.importGroups(path: folder.path("content/groups"), asOf: asOf)
        return store
    }

    func conflictTopics(_ store: any Store, _ group: String) throws -> [String] {
        Diagnoser.diagnose(try store.existingGroup(id: group), taxonomy: try store.taxonomy(), asOf: asOf).conflicts.map(\.topic)
    }

    @Test(arguments: StoreKind.allCases)
    func aRenamedTopicKeepsItsConflictAndTheFilesImportAgain(_ kind: StoreKind) throws {
        guard let store = try importedStore(kind) else { return }
        #expect(try conflictTopics(store, "mercy-valley-health").contains("tco"))
        let versions = try store.dataVersions()

        let report = try store.renameVocabulary(tco, content: content, asOf: asOf, dryRun: false)

        // The conflict is the same conflict under its new name.
        let topics = try conflictTopics(store, "mercy-valley-health")
        #expect(topics.contains("total-cost") && !topics.contains("tco"))
        #expect(report.stored.taxonomy && report.stored.claims == 20 && report.stored.assets == 11)
        #expect(report.files.filter { $0.kind == "group" }.count == 6)
        #expect(try store.dataVersions().catalog > versions.catalog)
        // The rewritten files are what the store holds: importing them again changes nothing.
        let catalog = try store.importCatalog(directory: folder.path("content/catalog"), taxonomyPath: nil, asOf: asOf)
        #expect(catalog.summary.added.isEmpty && catalog.summary.updated.isEmpty && catalog.summary.retired.isEmpty)
        let groups = try store.importGroups(path: folder.path("content/groups"), asOf: asOf)
        #expect(groups.summary.added.isEmpty && groups.summary.updated.isEmpty)
        // No temporary file is left, and a second run has nothing to do.
        #expect(try folder.files(under: "content").keys.allSatisfy { !$0.hasSuffix(".tmp") })
        let settled = try store.dataVersions()
        let again = try store.renameVocabulary(tco, content: content, asOf: asOf, dryRun: false)
        #expect(!again.changedAnything)
        #expect(try store.dataVersions() == settled, "a rerun with nothing to rename writes nothing")
    }

    @Test(arguments: StoreKind.allCases)
    func aDryRunAndACrashBeforeTheCommitChangeNothing(_ kind: StoreKind) throws {
        guard let store = try importedStore(kind) else { return }
        let files = try folder.files(under: "content")
        let dry = try store.renameVocabulary(tco, content: content, asOf: asOf, dryRun: true)
        #expect(dry.stored.claims == 20 && dry.files.count == 18)
        #expect(try folder.files(under: "content") == files)
        #expect(try store.taxonomy().topic("tco") != nil)

        struct Crash: Error {}
        #expect(throws: Crash.self) {
            try store.renameVocabulary(tco, content: content, asOf: asOf, dryRun: false) { if $0 == .staged { throw Crash() } }
        }
        #expect(try folder.files(under: "content") == files)
        #expect(try store.taxonomy().topic("tco") != nil)
        #expect(try conflictTopics(store, "mercy-valley-health").contains("tco"))
    }

    @Test(arguments: StoreKind.allCases)
    func runningItAgainFinishesWhatACrashAfterTheCommitLeft(_ kind: StoreKind) throws {
        guard let store = try importedStore(kind) else { return }
        let files = try folder.files(under: "content")
        struct Crash: Error {}
        #expect(throws: Crash.self) {
            try store.renameVocabulary(tco, content: content, asOf: asOf, dryRun: false) { if $0 == .committed { throw Crash() } }
        }
        // The database is renamed; no file is in place yet (only hidden temporaries beside them).
        #expect(try store.taxonomy().topic("total-cost") != nil)
        #expect(try folder.files(under: "content").filter { !$0.key.hasSuffix(".rename.tmp") } == files)

        let finished = try store.renameVocabulary(tco, content: content, asOf: asOf, dryRun: false)
        #expect(finished.files.count == 18 && finished.stored.claims == 0)
        let after = try folder.files(under: "content")
        #expect(after.keys.allSatisfy { !$0.hasSuffix(".tmp") })
        #expect(String(decoding: after["/taxonomy.yaml"] ?? Data(), as: UTF8.self).contains("\n  total-cost:\n"))
        #expect(try store.importCatalog(directory: folder.path("content/catalog"), taxonomyPath: nil, asOf: asOf).summary.updated.isEmpty)
    }

    @Test(arguments: StoreKind.allCases)
    func aTaxonomyThatDropsAUsedValueIsRefusedUnlessOrphansAreAllowed(_ kind: StoreKind) throws {
        guard let store = try importedStore(kind) else { return }
        // Renamed by hand in the taxonomy and the assets, not in the groups.
        let taxonomy = folder.read("content/taxonomy.yaml").replacingOccurrences(of: "\n  tco:\n", with: "\n  total-cost:\n")
        folder.write("content/taxonomy.yaml", taxonomy)
        for (path, data) in try folder.files(under: "content/catalog") {
            let text = String(decoding: data, as: UTF8.self)
            folder.write("content/catalog\(path)", text.replacingOccurrences(of: "[tco", with: "[total-cost")
                .replacingOccurrences(of: " tco,", with: " total-cost,").replacingOccurrences(of: " tco]", with: " total-cost]")
                .replacingOccurrences(of: "topic: tco", with: "topic: total-cost"))
        }
        let import_ = { (allow: Bool) in
            try store.importCatalog(directory: self.folder.path("content/catalog"), taxonomyPath: nil, asOf: self.asOf, allowOrphans: allow)
        }
        do {
            _ = try import_(false)
            Issue.record("the import should have been refused")
        } catch let error as StoreError {
            #expect(error.code == .refused)
            #expect(error.description.contains("topic tco: 20 claims in granite-peak-health 4, lakeshore-community-hospital 4"))
            #expect(error.description.contains("nextsend taxonomy rename topic tco NEW"))
        }
        #expect(try store.taxonomy().topic("tco") != nil)
        #expect(try conflictTopics(store, "mercy-valley-health").contains("tco"))

        let allowed = try import_(true)
        #expect(allowed.summary.retractedOrphans.entries.map(\.total) == [20])
        #expect(try !conflictTopics(store, "mercy-valley-health").contains("tco"))
        let history = try store.history(ofGroup: "mercy-valley-health")
        #expect(history.retracted.contains { ($0.provenance.retractedBy ?? "").contains("topic tco left the taxonomy (catalog import 2026-11-29)") })
    }
}
