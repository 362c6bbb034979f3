import Foundation
import NextSend
import NextSendDigest
import NextSendTestSupport
import Testing

@Suite struct DigestBuilderTests {
    let week = IsoWeek("2026-W48")!

    var catalog: [Asset] {
        [
            Asset(id: "tco-model", title: "Three-year TCO model", url: "https://example.com/tco", format: "tool",
                  jobs: [.validation], roles: ["finance", "it"], topics: ["tco"], resolves: [.init(topic: "tco")], shareable: true),
            Asset(id: "old-study", title: "Old study", format: "guide", jobs: [.validation], roles: ["finance"],
                  reviewBy: Day("2026-12-05")!, owner: "maria@vendor.example"),
        ]
    }

    @Test func aRepDigestPutsTheMostUrgentGroupFirst() throws {
        let builder = DigestBuilder(week: week, taxonomy: Samples.taxonomy, assets: catalog)
        var calm = Samples.group
        calm.id = "a-calm"
        calm.claims = []
        calm.events = [JobEvent(job: .validation, type: .started, date: Day("2026-11-28")!)]
        let digest = builder.repDigest(rep: "alice@vendor.example", [try builder.analyse(calm), try builder.analyse(Samples.group)])
        #expect(digest.groups.map(\.id) == ["acme-health", "a-calm"])
        #expect(digest.groups.map(\.rank) == [1, 2])
        let acme = digest.groups[0]
        #expect(acme.conflicts.map(\.topic) == ["deployment", "tco"])
        #expect(acme.stalled.map(\.job) == ["validation"])
        #expect(acme.recommendations.first?.asset == "tco-model")
        #expect(acme.recommendations.count <= 3)
        #expect(digest.week == "2026-W48" && digest.asOf == "2026-11-29")
    }

    @Test func theMarketingDigestRanksGapsByHowManyGroupsHaveThem() throws {
        // Nothing in the catalog resolves deployment; two groups are split on it.
        let builder = DigestBuilder(week: week, taxonomy: Samples.taxonomy, assets: catalog)
        var other = Samples.group
        other.id = "other"
        let facts = [try builder.analyse(Samples.group).facts, try builder.analyse(other).facts]
        let digest = builder.marketingDigest(facts, assets: catalog)
        let deployment = try #require(digest.gaps.first { $0.key == "conflict:deployment" })
        #expect(deployment.groups == 2)
        #expect(deployment.examples == ["acme-health", "other"])
        #expect(!digest.gaps.contains { $0.key == "conflict:tco" }, "the TCO model serves the cost split well")
        #expect(digest.gaps == digest.gaps.sorted { $0.groups != $1.groups ? $0.groups > $1.groups : $0.key < $1.key })
        #expect(digest.expiring.map(\.asset) == ["old-study"])
        #expect(digest.expiring.first?.state == "expires in 6 days")
        #expect(digest.coverage.rows.count == 6)
        #expect(digest.groupCount == 2)
    }

    @Test func linksInDigestsAreWebLinksOnly() {
        #expect(DigestBuilder.safeLink("javascript:alert(1)") == "")
        #expect(DigestBuilder.safeLink("data:text/html,hi") == "")
        #expect(DigestBuilder.safeLink("https://example.com/a (b)") == "https://example.com/a%20%28b%29")
    }
}
