import NextSend
import NextSendSynthetic
import Testing

/// The digest's content-gap check remembers each kind of need's best asset across groups
/// (``GapMemo``). Whatever order the groups come in, every group's gaps must be exactly what
/// checking that group alone gives: the same needs, best assets, strengths and shortfalls.
@Suite struct GapMemoTests {
    static let taxonomy = try! TaxonomyParser.parse(DatasetGenerator.defaultTaxonomySource, file: "taxonomy.yaml")

    static func dataset(seed: UInt64, assets assetCount: Int, groups groupCount: Int) -> (assets: [Asset], groups: [BuyingGroup]) {
        DatasetGenerator(assets: assetCount, groups: groupCount, reps: 10, seed: seed, asOf: Day("2026-11-29")!, taxonomy: taxonomy).parsed()
    }

    @Test(arguments: [7, 23] as [UInt64])
    func rememberedGapsAreEachGroupsOwn(seed: UInt64) throws {
        let (assets, groups) = Self.dataset(seed: seed, assets: 300, groups: 400)
        let index = CatalogIndex(assets: assets)
        var remembered = 0
        for day in [Day("2026-11-29")!, Day("2026-11-22")!] {
            let alone = groups.map { group in
                Matcher.gaps(for: group, diagnosis: Diagnoser.diagnose(group, taxonomy: Self.taxonomy, asOf: day), index: index, taxonomy: Self.taxonomy)
            }
            let memo = GapMemo()
            // Forward, then backward through the same memo: each group is answered from what others left.
            for order in [Array(groups.indices), Array(groups.indices.reversed())] {
                for position in order {
                    let group = groups[position]
                    let diagnosis = Diagnoser.diagnose(group, taxonomy: Self.taxonomy, asOf: day)
                    let gaps = Matcher.gaps(for: group, diagnosis: diagnosis, index: index, taxonomy: Self.taxonomy, memo: memo)
                    #expect(gaps == alone[position], "\(group.id) on \(day)")
                }
            }
            remembered += memo.count
        }
        let needs = groups.reduce(0) { $0 + Diagnoser.diagnose($1, taxonomy: Self.taxonomy, asOf: Day("2026-11-29")!).needs.count } * 2
        #expect(remembered > 0 && remembered < needs * 4 / 5, "needs that look alike share an answer: \(remembered) of \(needs)")
    }

    /// A run of 100,000 groups sees hundreds of thousands of kinds of need: the memo keeps at most
    /// two generations of answers, and one that forgets (here after a handful) still answers each
    /// group exactly as checking it alone does.
    @Test func aMemoThatForgetsStillGivesEachGroupItsOwnGaps() throws {
        let (assets, groups) = Self.dataset(seed: 11, assets: 200, groups: 300)
        let index = CatalogIndex(assets: assets)
        let day = Day("2026-11-29")!
        let memo = GapMemo(capacity: 8)
        var most = 0
        for group in groups + groups.reversed() {
            let diagnosis = Diagnoser.diagnose(group, taxonomy: Self.taxonomy, asOf: day)
            let alone = Matcher.gaps(for: group, diagnosis: diagnosis, index: index, taxonomy: Self.taxonomy)
            #expect(Matcher.gaps(for: group, diagnosis: diagnosis, index: index, taxonomy: Self.taxonomy, memo: memo) == alone, "\(group.id)")
            most = max(most, memo.count)
        }
        #expect(most > 8 && most <= 16, "two generations of at most 8 answers each: held \(most) at most")
    }
}
