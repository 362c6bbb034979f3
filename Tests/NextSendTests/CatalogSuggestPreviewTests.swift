import Foundation
import NextSend
import NextSendTestSupport
import Testing

/// `catalog suggest` and `catalog preview` on the shipped content.
@Suite struct CatalogSuggestPreviewTests {
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("content")
    static let asOf = Day("2026-11-29")!
    static let taxonomy = try! TaxonomyParser.parse(String(contentsOf: content.appendingPathComponent("taxonomy.yaml"), encoding: .utf8),
                                                    file: "taxonomy.yaml")
    static let assets: [Asset] = {
        let folder = content.appendingPathComponent("catalog")
        return try! FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted().compactMap { name in
            let text = try! String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            return AssetParser.parse(text, id: String(name.dropLast(3)), file: name, taxonomy: taxonomy, asOf: asOf).asset
        }
    }()
    static let groups: [BuyingGroup] = {
        let folder = content.appendingPathComponent("groups")
        return try! FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().flatMap { name in
            GroupParser.parseYAML(try! String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8), file: name, taxonomy: taxonomy).groups
        }
    }()

    func asset(_ id: String, body: String, topics: [String] = [], roles: [String] = []) -> Asset {
        var asset = Self.assets.first { $0.id == "tco-model" }!
        asset.id = id
        asset.title = "A title"
        asset.summary = nil
        asset.body = body
        asset.topics = topics
        asset.roles = roles
        asset.resolves = []
        return asset
    }

    @Test func aSuggestionQuotesItsSentenceAndSkipsWhatTheAssetHas() throws {
        let suggester = TagSuggester(taxonomy: Self.taxonomy, roleWords: ["finance": ["cfo", "controller"], "it": ["it"]])
        let body = """
            ## Why it matters
            Our controller asks what the three-year cost really is. The payback question comes later.
            The controller signs it off.
            It is not about IT. Use it before you talk to anyone.
            """
        let found = suggester.suggestions(for: asset("a", body: body, topics: ["payback-months"]))
        let byValue = Dictionary(uniqueKeysWithValues: found.map { ($0.value, $0) })
        #expect(byValue["finance"]?.sentence == "Our controller asks what the three-year cost really is.")
        #expect(byValue["finance"]?.sentences == 2, "a mapping's title word counts from two sentences")
        #expect(byValue["tco"]?.field == "topics")
        #expect(byValue["payback-months"] == nil, "already tagged")
        #expect(byValue["it"]?.sentence == "It is not about IT.", "a capital IT names the role")
        #expect(byValue["it"]?.sentences == 1, "'it' in lower case is the pronoun, even as a mapping's title word")
        let once = suggester.suggestions(for: asset("b", body: "Ask the CFO."))
        #expect(!once.contains { $0.value == "finance" }, "one sentence with one title word is not enough")
    }

    @Test func aOneWordCueNeedsTwoSentences() throws {
        let suggester = TagSuggester(taxonomy: Self.taxonomy)
        let once = suggester.suggestions(for: asset("a", body: "Ask the vendor first."))
        #expect(!once.contains { $0.value == "supplier-selection" })
        let twice = suggester.suggestions(for: asset("a", body: "Ask the vendor first. Then ask the vendor again."))
        #expect(twice.first { $0.value == "supplier-selection" }?.sentences == 2)
        let phrase = suggester.suggestions(for: asset("a", body: "Weigh build or buy first."))
        #expect(phrase.contains { $0.value == "solution-exploration" && $0.sentence == "Weigh build or buy first." })
    }

    /// Property: over every asset and group, a preview says "picked" exactly for the picks, with
    /// the pick's own rank, reason and send-to; every other asset gets a why.
    @Test func aPreviewAgreesWithThePicksForEveryAssetAndGroup() throws {
        let index = CatalogIndex(assets: Self.assets)
        for group in Self.groups {
            let diagnosis = Diagnoser.diagnose(group, taxonomy: Self.taxonomy, asOf: Self.asOf)
            let picks = Matcher.recommend(for: group, diagnosis: diagnosis, index: index, taxonomy: Self.taxonomy)
            for asset in Self.assets {
                let preview = Matcher.preview(asset, for: group, diagnosis: diagnosis, index: index, taxonomy: Self.taxonomy)
                if let pick = picks.first(where: { $0.asset.id == asset.id }) {
                    #expect(preview.verdict == .picked && preview.rank == pick.rank && preview.reason == pick.reason && preview.sendTo == pick.sendTo)
                } else {
                    #expect(preview.verdict != .picked, "\(asset.id) in \(group.id)")
                    #expect(!(preview.why ?? "").isEmpty, "\(asset.id) in \(group.id)")
                    #expect((preview.reason != nil) == (preview.verdict == .ranksLower))
                }
            }
        }
    }

    @Test func aPreviewSaysWhyInWords() throws {
        let index = CatalogIndex(assets: Self.assets)
        let group = try #require(Self.groups.first { $0.id == "mercy-valley-health" })
        let diagnosis = Diagnoser.diagnose(group, taxonomy: Self.taxonomy, asOf: Self.asOf)
        func preview(_ id: String) -> AssetPreview {
            Matcher.preview(Self.assets.first { $0.id == id }!, for: group, diagnosis: diagnosis, index: index, taxonomy: Self.taxonomy)
        }
        #expect(preview("tco-model").rank == 1)
        #expect(preview("consensus-workshop-facilitator-guide").why == "it is a draft: drafts are stored but never picked until published")
        #expect(preview("overtime-savings-study-2024").why == "its review date 2025-12-31 has passed: it is not picked until reviewed")
        let second = preview("cfo-cio-briefing")
        #expect(second.verdict == .ranksLower)
        #expect(second.why?.hasPrefix("the picks already serve what it serves (a split on three-year total cost of ownership): after them it scores ") == true)
        #expect(second.reason?.contains("disagree on three-year total cost of ownership") == true)
        #expect(preview("labor-rules-guide").why?.hasPrefix("it serves none of the group's needs (a split on three-year total cost of ownership;") == true)
    }
}
