import Foundation
import NextSend
import NextSendStore
import NextSendSynthetic
import NextSendTestSupport
import Testing

/// Outcome evidence kept by close day (`evidenceByClose`, SQLite v22, PostgreSQL v14) against the
/// rule it keeps: summed over every follow-up, as of any day. Random groups go through every kind
/// of write that changes a follow-up — an import of new groups, sends and claims recorded, a claim
/// retracted, a group replaced, a topic renamed — and after each, on every third day from before
/// the first send to after the last window, the kept counts equal the sum.
@Suite struct EvidenceByCloseTests {
    let folder = TemporaryFolder()
    let rep = Recorder("maria")

    @Test(arguments: StoreKind.allCases)
    func keptCountsEqualTheFollowUpsOnEveryDayThroughEveryWrite(_ kind: StoreKind) throws {
        guard let made = try kind.make() else { return }
        let store = try #require(made as? any SQLStore)
        folder.makeContent(assets: ["tco-model": Samples.assetFile()])
        _ = try store.importCatalog(directory: folder.path("content/catalog"), taxonomyPath: nil, asOf: Samples.asOf)
        var generator = SeededGenerator(seed: 29)
        let start = Day("2026-09-20")!
        func randomDay(_ span: Int) -> Day { start.adding(days: Int.random(in: 0..<span, using: &generator)) }
        func check(_ step: String) throws {
            for offset in stride(from: 0, through: 100, by: 3) {
                let day = start.adding(days: offset)
                let kept = try store.read { try StoreQueries.evidence($0, asOf: day) }
                let summed = try store.read { try StoreQueries.evidenceFromFollowUps($0, asOf: day) }
                #expect(kept == summed, "after \(step), on \(day)")
            }
        }

        var groups: [BuyingGroup] = []
        for index in 0..<10 {
            var group = Samples.group
            group.id = "g\(index)"
            group.touches = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                Touch(asset: "tco-model", to: [["dana"], ["lee"], ["dana", "lee"]].randomElement(using: &generator)!, date: randomDay(40))
            }
            if Bool.random(using: &generator) {
                group.claims.append(Claim(stakeholder: "lee", topic: "tco", value: .number(125_000), date: randomDay(60)))
            }
            groups.append(group)
        }
        try store.importGroups(groups)
        try check("an import of new groups")

        for group in groups.prefix(5) {
            try store.recordTouch(Touch(asset: "tco-model", to: ["lee"], date: randomDay(50)), to: group.id, by: rep)
        }
        try check("sends recorded")
        var closed: [(group: String, day: Day)] = []
        for group in groups.suffix(5) {
            let day = randomDay(70)
            try store.recordClaim(Claim(stakeholder: "lee", topic: "tco", value: .number(125_000), date: day), to: group.id, by: rep)
            closed.append((group.id, day))
        }
        try check("splits closed by recorded claims")
        for (group, day) in closed.prefix(2) {
            try store.retract(.claim(stakeholder: "lee", topic: "tco", date: day), in: group, by: rep, on: Samples.asOf)
        }
        try check("claims retracted")
        var replaced = groups[3]
        replaced.touches = [Touch(asset: "tco-model", to: ["dana"], date: randomDay(30))]
        try store.importGroups([replaced], replace: true)
        try check("a group replaced")
        _ = try store.renameStored(try VocabularyRename(.topic, from: "tco", to: "total-cost"), dryRun: false)
        try check("a topic renamed")
        let renamed = try store.read { try StoreQueries.evidence($0, asOf: Samples.asOf) }
        #expect(renamed.record(asset: "tco-model", need: .conflict(topic: "tco")) == nil)
        #expect(renamed.record(asset: "tco-model", need: .conflict(topic: "total-cost")) != nil, "the evidence follows the rename")
    }

    /// The migration fills the counts from the follow-ups an older version stored: met, unmet, met
    /// on the day of the send, and still open.
    @Test(arguments: StoreKind.allCases)
    func theMigrationCountsWhatOlderVersionsStored(_ kind: StoreKind) throws {
        guard let old = try OldSchemaDatabase.make(kind, at: folder.path("old.sqlite"), sqlite: "v21-packed-facts",
                                                   postgres: "v13-packed-facts") else { return }
        try old.run("""
            INSERT INTO buyingGroup (id, account, owner) VALUES ('g1', 'G1', 'alice'), ('g2', 'G2', 'alice');
            INSERT INTO sendFollowUp (groupId, assetId, need, sent, windowEnd, met) VALUES
                ('g1', 'tco-model', 'conflict:tco', '2026-10-01', '2026-10-15', '2026-10-09'),
                ('g1', 'tco-model', 'conflict:tco', '2026-10-03', '2026-10-17', NULL),
                ('g2', 'tco-model', 'conflict:tco', '2026-10-05', '2026-10-19', '2026-10-05'),
                ('g2', 'tco-model', 'stalled-job:validation', '2026-11-20', '2026-12-04', NULL),
                ('g2', 'roi-deck', 'conflict:tco', '2026-10-01', '2026-10-15', '2026-10-15');
            """)
        let store = try old.open()
        var checked = 0
        for offset in 0..<80 {
            let day = Day("2026-09-28")!.adding(days: offset)
            let kept = try store.read { try StoreQueries.evidence($0, asOf: day) }
            #expect(kept == (try store.read { try StoreQueries.evidenceFromFollowUps($0, asOf: day) }), "on \(day)")
            checked += kept.record(asset: "tco-model", need: .conflict(topic: "tco")).map { _ in 1 } ?? 0
        }
        #expect(try store.read { try StoreQueries.evidence($0, asOf: Day("2026-10-20")!) }
            .record(asset: "tco-model", need: .conflict(topic: "tco")) == .init(sends: 3, successes: 2))
        #expect(checked > 0)
    }
}
