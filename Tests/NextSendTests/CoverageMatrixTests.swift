import NextSend
import NextSendTestSupport
import Testing

@Suite struct CoverageMatrixTests {
    @Test func countsOnlyLiveAssetsPerJobAndRole() {
        let taxonomy = Samples.taxonomy
        let assets = [
            Asset(id: "a", title: "A", format: "tool", jobs: [.validation, .consensusCreation], roles: ["finance", "it"]),
            Asset(id: "b", title: "B", format: "tool", jobs: [.validation], roles: ["finance"], status: .draft),
            Asset(id: "c", title: "C", format: "tool", jobs: [.validation], roles: ["finance"], reviewBy: Day("2026-01-01")),
            Asset(id: "d", title: "D", format: "tool", jobs: [.validation], roles: []),
            Asset(id: "e", title: "E", format: "tool", jobs: [.validation], roles: ["finance"], status: .retired),
        ]
        let matrix = CoverageMatrix(assets: assets, taxonomy: taxonomy, asOf: Samples.asOf)
        #expect(matrix.count(job: .validation, role: "finance") == 1)
        #expect(matrix.count(job: .consensusCreation, role: "it") == 1)
        #expect(matrix.count(job: .problemIdentification, role: "finance") == 0)
        #expect(matrix.rows.first { $0.job == .validation }?.anyRole == 1)
        #expect(matrix.emptyCells.count == 6 * 8 - 4)
        #expect(!matrix.emptyCells.contains { $0.job == .validation && $0.role == "finance" })
    }

    /// Coverage by topic and by industry (#33): columns are the taxonomy's topics or industries;
    /// an asset made for every industry counts under "any" and fills no edition's cell.
    @Test func coverageByTopicAndByIndustryCountsTheirColumns() throws {
        var taxonomy = Samples.taxonomy
        taxonomy.industries = ["hospital-system", "behavioral-health"]
        let assets = [
            Asset(id: "a", title: "A", format: "tool", jobs: [.validation], roles: ["finance"], topics: ["tco"], industries: ["behavioral-health"]),
            Asset(id: "b", title: "B", format: "tool", jobs: [.validation], roles: ["it"], topics: ["tco", "deployment"]),
            Asset(id: "c", title: "C", format: "tool", jobs: [.validation], roles: ["it"], topics: [], status: .draft),
        ]
        let topics = CoverageMatrix(assets: assets, taxonomy: taxonomy, asOf: Samples.asOf, by: .topic)
        #expect(topics.columns == ["deployment", "tco"] || topics.columns == ["tco", "deployment"])
        #expect(topics.count(job: .validation, role: "tco") == 2)
        #expect(topics.count(job: .validation, role: "deployment") == 1)
        let industries = CoverageMatrix(assets: assets, taxonomy: taxonomy, asOf: Samples.asOf, by: .industry)
        #expect(industries.columns == ["hospital-system", "behavioral-health"])
        #expect(industries.count(job: .validation, role: "behavioral-health") == 1)
        #expect(industries.count(job: .validation, role: "hospital-system") == 0)
        #expect(industries.rows.first { $0.job == .validation }?.anyRole == 1, "b is made for every industry")
        #expect(industries.emptyCells.contains { $0.job == .validation && $0.role == "hospital-system" }, "no hospital-system edition")
    }

    @Test func coverageByFormatCountsEachAssetUnderItsOneFormat() throws {
        let assets = [
            Asset(id: "a", title: "A", format: "tool", jobs: [.validation, .consensusCreation], roles: ["finance"]),
            Asset(id: "b", title: "B", format: "guide", jobs: [.validation], roles: ["it"]),
            Asset(id: "c", title: "C", format: "guide", jobs: [.validation], status: .retired),
        ]
        let formats = CoverageMatrix(assets: assets, taxonomy: Samples.taxonomy, asOf: Samples.asOf, by: .format)
        #expect(formats.columns == Samples.taxonomy.formats)
        #expect(formats.count(job: .validation, role: "guide") == 1, "the retired guide does not count")
        #expect(formats.count(job: .validation, role: "tool") == 1)
        #expect(formats.count(job: .consensusCreation, role: "tool") == 1)
        #expect(formats.rows.allSatisfy { $0.anyRole == 0 }, "every asset has a format")
        #expect(formats.emptyCells.contains { $0.job == .consensusCreation && $0.role == "guide" })
    }
}
