import Foundation
import NextSend
import Testing

/// An asset keeps its fields in a shared box; it must still behave as a plain value.
@Suite struct AssetValueTests {
    let original = Asset(id: "tco-calculator", title: "TCO calculator", format: "tool", jobs: [.solutionExploration, .validation],
                         roles: ["finance"], topics: ["tco"], resolves: [.init(topic: "tco", positions: ["low", "high"])],
                         reviewBy: Day("2027-01-31"), body: "Three-year cost.")

    @Test func changingACopyLeavesTheOriginalAlone() {
        var copy = original
        copy.roles.append("it")
        copy.title = "TCO calculator (2027)"
        copy.reviewBy = nil
        #expect(original.roles == ["finance"])
        #expect(original.title == "TCO calculator")
        #expect(original.reviewBy == Day("2027-01-31"))
        #expect(copy.roles == ["finance", "it"])
        #expect(copy.reviewBy == nil)
        #expect(copy != original)
    }

    @Test func equalFieldsMakeEqualAssetsWithEqualHashes() {
        var rebuilt = Asset(id: "tco-calculator", title: "TCO calculator", format: "tool", jobs: [.solutionExploration, .validation],
                            roles: ["finance"], topics: ["tco"], resolves: [.init(topic: "tco", positions: ["low", "high"])],
                            reviewBy: Day("2027-01-31"), body: "Three-year cost.")
        #expect(rebuilt == original)
        #expect(Set([rebuilt, original]).count == 1)
        rebuilt.body = "Five-year cost."
        #expect(rebuilt != original)
    }

    @Test func decodesWhatItEncodes() throws {
        let decoded = try JSONDecoder().decode(Asset.self, from: try JSONEncoder().encode(original))
        #expect(decoded == original)
    }
}

@Suite struct AssetLifetimeTests {
    /// An asset is live from its `published` day (#33): as of an earlier day it is not out yet.
    @Test func anAssetIsLiveFromItsPublishedDay() {
        let asset = Asset(id: "brief", title: "Brief", format: "guide", jobs: [.validation], roles: ["finance"], published: Day("2026-11-25")!)
        #expect(!asset.isLive(asOf: Day("2026-11-24")!))
        #expect(asset.isLive(asOf: Day("2026-11-25")!))
        var undated = asset
        undated.published = nil
        #expect(undated.isLive(asOf: Day("2020-01-01")!), "without a published day, the store's first import day decides (CatalogHistory)")
    }
}
