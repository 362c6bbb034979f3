import NextSend
import NextSendDigest
import NextSendSynthetic
import Testing

/// The batch folds each rep's groups into a ``MarketingTally`` on whichever worker built them, and
/// merges the tallies as workers finish. The marketing digest must not depend on how the groups
/// were split or in which order the pieces arrived.
@Suite struct MarketingTallyTests {
    static let taxonomy = try! TaxonomyParser.parse(DatasetGenerator.defaultTaxonomySource, file: "taxonomy.yaml")
    static let asOf = Day("2026-11-29")!

    /// Generated groups, with dismissals (some with reasons that group by their words) added to a
    /// few, so every part of the marketing digest has something in it.
    static func dataset(seed: UInt64) -> (assets: [Asset], groups: [BuyingGroup]) {
        let generated = DatasetGenerator(assets: 120, groups: 90, reps: 6, seed: seed, asOf: asOf, taxonomy: taxonomy).parsed()
        let assets = generated.assets
        var groups = generated.groups
        let reasons = ["No behavioral-health edition", "needs a behavioral health version", "Too long for a CFO", nil, "too long for the CFO"]
        for index in groups.indices where index % 4 == 0 {
            let asset = assets[index % assets.count].id
            groups[index].dismissals.append(Dismissal(asset: asset, date: asOf.adding(days: -(index % 20)), reason: reasons[index % reasons.count]))
        }
        return (assets, groups)
    }

    @Test(arguments: [3, 41] as [UInt64])
    func theDigestIsTheSameHoweverGroupsAreSplitAndMerged(seed: UInt64) throws {
        let (assets, groups) = Self.dataset(seed: seed)
        let builder = DigestBuilder(week: IsoWeek("2026-W48")!, taxonomy: Self.taxonomy, assets: assets,
                                    previousWeek: (assets, .none))
        let facts = try groups.map { try builder.analyse($0).facts }
        let renderer = DigestRenderer()
        let whole = try renderer.render(builder.marketingDigest(facts, assets: assets), formats: [.json, .md])
        let digest = builder.marketingDigest(facts, assets: assets)
        #expect(!digest.gaps.isEmpty && !digest.dismissals.isEmpty && !digest.reasonGroups.isEmpty && digest.gapTrend != nil,
                "the data exercises gaps, dismissals, reason groups and the trend")
        #expect(digest.gaps.contains { $0.groups > 5 }, "some gap has more groups than it names")

        var random = SeededGenerator(seed: seed)
        for _ in 0..<4 {
            // Cut the groups (shuffled) into pieces of random size, tally each, merge in shuffled order.
            var order = facts.shuffled(using: &random)
            var pieces: [MarketingTally] = []
            while !order.isEmpty {
                let size = Int.random(in: 1...max(1, order.count), using: &random)
                pieces.append(MarketingTally(Array(order.prefix(size))))
                order.removeFirst(size)
            }
            var merged = MarketingTally()
            for piece in pieces.shuffled(using: &random) { merged.merge(piece) }
            #expect(merged.groupCount == groups.count)
            let rendered = try renderer.render(builder.marketingDigest(merged, assets: assets), formats: [.json, .md])
            #expect(rendered == whole, "split into \(pieces.count) pieces")
        }
    }
}
