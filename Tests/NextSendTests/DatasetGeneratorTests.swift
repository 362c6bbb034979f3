import NextSend
import Testing
import NextSendSynthetic

/// The benchmark's data is only worth measuring if it looks like a real pipeline: these check the
/// properties `Scripts/bench` relies on, on a dataset small enough to parse in a test.
@Suite struct DatasetGeneratorTests {
    static let asOf = Day("2026-11-29")!
    static let taxonomy = try! TaxonomyParser.parse(DatasetGenerator.defaultTaxonomySource, file: "taxonomy.yaml")
    static let generator = DatasetGenerator(assets: 400, groups: 300, reps: 10, seed: 7, asOf: asOf, taxonomy: taxonomy)

    static let assets: [Asset] = {
        var assets: [Asset] = []
        generator.generateAssets { id, text in
            if let asset = AssetParser.parse(text, id: id, file: "\(id).md", taxonomy: taxonomy, asOf: asOf).asset { assets.append(asset) }
        }
        return assets
    }()

    static let groups: [BuyingGroup] = {
        var lines: [String] = []
        generator.generateGroups { lines.append($0) }
        let result = GroupParser.parseJSONLines(lines.joined(separator: "\n"), file: "groups.jsonl", taxonomy: taxonomy,
                                                knownAssets: Set(assets.map(\.id)))
        return result.groups
    }()

    @Test func everyFileParsesCleanly() {
        #expect(Self.assets.count == 400)
        #expect(Self.groups.count == 300)
    }

    @Test func familiesHaveIndustryEditionsSharingTheBaseTags() throws {
        let editions = Self.assets.enumerated().filter { $0.element.title.contains(" edition") }
        #expect(editions.count >= 40, "about a quarter of families have editions")
        for (position, edition) in editions {
            #expect(edition.industries.count == 1)
            // The base is the nearest earlier asset without industries; an edition shares its tags.
            let base = try #require(Self.assets[..<position].last { $0.industries.isEmpty })
            #expect(edition.jobs == base.jobs && edition.roles == base.roles && edition.topics == base.topics, "\(edition.id) vs \(base.id)")
            #expect(edition.title.hasPrefix(base.title.components(separatedBy: " (")[0]))
        }
    }

    @Test func figuresSitInTheirUnitsRange() {
        let ranges: [String: ClosedRange<Double>] = ["tco": 1_000...20_000_000, "payback-months": 1...120, "implementation-time": 1...200]
        let figures = Self.groups.flatMap(\.claims).compactMap { claim -> (String, Double)? in
            if case let .number(value) = claim.value { return (claim.topic, value) }
            return nil
        }
        #expect(figures.count > 500)
        for (topic, value) in figures {
            #expect(ranges[topic]?.contains(value) != false, "\(topic): \(value)")
        }
        #expect(figures.filter { $0.0 == "tco" }.allSatisfy { $0.1 >= 50_000 }, "a three-year cost is never a few dollars")
    }

    @Test func splitsHaveTwoOrThreeCamps() {
        let conflicts = Self.groups.flatMap { Diagnoser.diagnose($0, taxonomy: Self.taxonomy, asOf: Self.asOf).conflicts }
        #expect(conflicts.count >= 60, "\(conflicts.count) open conflicts in 300 groups")
        #expect(conflicts.allSatisfy { (2...3).contains($0.sides.count) })
        #expect(conflicts.contains { $0.sides.count == 3 }, "some splits have three camps")
    }

    @Test func historyHasSendsFollowedUpBothWays() {
        let byID = Dictionary(uniqueKeysWithValues: Self.assets.map { ($0.id, $0) })
        let followUps = Self.groups.flatMap { TouchFollowUp.of($0, assets: { byID[$0] }, taxonomy: Self.taxonomy) }
        let conflicts = followUps.filter { $0.need.hasPrefix("conflict:") }
        let jobs = followUps.filter { $0.need.hasPrefix("stalled-job:") }
        #expect(conflicts.count >= 30 && jobs.count >= 30, "\(conflicts.count) conflict and \(jobs.count) job follow-ups")
        #expect(conflicts.contains { $0.met != nil } && conflicts.contains { $0.met == nil }, "some splits closed after a send, some did not")
        #expect(jobs.contains { $0.met != nil } && jobs.contains { $0.met == nil })
    }

    @Test func theSameSeedGivesTheSameBytes() {
        var first: [String] = [], second: [String] = []
        Self.generator.generateGroups { first.append($0) }
        Self.generator.generateGroups { second.append($0) }
        #expect(first == second)
        var other = Self.generator
        other.seed = 8
        var third: [String] = []
        other.generateGroups { third.append($0) }
        #expect(first != third)
    }
}
