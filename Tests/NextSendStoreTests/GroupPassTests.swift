import Foundation
import NextSend
import NextSendStore
import NextSendSynthetic
import NextSendTestSupport
import Testing

/// The digest's read of every open group, each table in one ordered pass (`GroupPass`), against
/// reading rep by rep: the same reps in the same order with the same groups, on a generated
/// history with closed groups, dismissals, facts retracted on a known day and without one, and
/// groups whose rows are not in id order.
@Suite struct GroupPassTests {
    static let asOf = Day("2026-11-29")!
    let folder = TemporaryFolder()
    let rep = Recorder("maria")

    /// A file store (its snapshot reads on a connection of its own) with 300 generated groups of
    /// 10 reps, a few of them closed, and retractions and dismissals spread over the rest.
    func makeStore() throws -> (SQLiteStore, [BuyingGroup]) {
        let store = try SQLiteStore(path: folder.path("pass.sqlite"))
        let taxonomySource = DatasetGenerator.defaultTaxonomySource
        let taxonomy = try TaxonomyParser.parse(taxonomySource, file: "taxonomy.yaml")
        let (assets, groups) = DatasetGenerator(assets: 200, groups: 300, reps: 10, seed: 5, asOf: Self.asOf, taxonomy: taxonomy).parsed()
        _ = try store.importCatalog(assets, taxonomy: taxonomy, taxonomySource: taxonomySource, asOf: Self.asOf)
        // Two imports, so that within a rep the groups' row order is not their id order.
        try store.importGroups(groups.enumerated().filter { $0.offset % 2 == 1 }.map(\.element))
        try store.importGroups(groups.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
        var generator = SeededGenerator(seed: 41)
        for group in groups where Int.random(in: 0..<5, using: &generator) == 0 {
            try store.setStatus([.won, .lost, .archived].randomElement(using: &generator)!, ofGroup: group.id, on: Self.asOf, by: rep)
        }
        for group in groups.shuffled(using: &generator).prefix(60) {
            if let claim = group.claims.randomElement(using: &generator) {
                try store.retract(.claim(stakeholder: claim.stakeholder, topic: claim.topic, date: claim.date), in: group.id, by: rep, on: Self.asOf)
            }
            if let event = group.events.randomElement(using: &generator) {
                try store.retract(.event(job: event.job, type: event.type, date: event.date), in: group.id, by: rep, on: Self.asOf)
            }
            if let person = group.stakeholders.last, Bool.random(using: &generator) {
                try store.retract(.stakeholder(id: person.id), in: group.id, by: rep, on: Self.asOf)
            }
            if let asset = assets.randomElement(using: &generator) {
                try store.recordDismissal(Dismissal(asset: asset.id, date: Self.asOf, reason: "not now"), in: group.id, by: rep)
            }
        }
        // A retraction without a known day (as older databases hold them) is left out of both;
        // people sharing a position (a rep's and a file's addition) come in id order in both.
        try store.transaction(changesData: true, dryRun: false) { db in
            try db.execute("UPDATE stakeholder SET position = 0 WHERE groupId IN (SELECT id FROM buyingGroup ORDER BY id DESC LIMIT 30)")
            try db.execute("UPDATE claim SET retractedOn = NULL WHERE retractedBy IS NOT NULL AND groupId IN (SELECT id FROM buyingGroup ORDER BY id LIMIT 20)")
        }
        return (store, groups)
    }

    @Test func thePassReadsWhatReadingRepByRepReads() throws {
        let (store, _) = try makeStore()
        let rowOrder = try store.read { try $0.strings("SELECT id FROM buyingGroup WHERE status = 'open' ORDER BY owner, rowid") }
        let idOrder = try store.read { try $0.strings("SELECT id FROM buyingGroup WHERE status = 'open' ORDER BY owner, id") }
        #expect(rowOrder != idOrder, "the groups' rows are not in id order, so the pass must put them there")
        let snapshot = try store.snapshot()
        var repByRep: [(String, [BuyingGroup])] = []
        try snapshot.eachOwnerRepByRep { repByRep.append(($0, $1)); return true }
        var passed: [(String, [BuyingGroup])] = []
        let streamed = try store.read { db in try GroupPass.run(db) { passed.append(($0, $1)); return true } }
        #expect(streamed, "SQLite hands rows over as it reads them")
        #expect(passed.map(\.0) == repByRep.map(\.0))
        #expect(passed.map(\.0) == (try snapshot.owners()))
        for ((owner, mine), (_, theirs)) in zip(passed, repByRep) {
            #expect(mine == theirs, "\(owner)")
        }
        let groups = passed.flatMap(\.1)
        #expect(groups.count > 200 && groups.count < 300, "closed groups are left out: \(groups.count)")
        #expect(groups.contains { !$0.retractions.claims.isEmpty } && groups.contains { !$0.retractions.stakeholders.isEmpty }
                && groups.contains { !$0.dismissals.isEmpty }, "the history reaches the groups")

        // The snapshot takes the pass on a file store, and stops when asked to.
        var viaSnapshot: [String] = []
        try snapshot.eachOwner { owner, _ in viaSnapshot.append(owner); return viaSnapshot.count < 3 }
        #expect(viaSnapshot == Array(repByRep.map(\.0).prefix(3)))
    }
}
