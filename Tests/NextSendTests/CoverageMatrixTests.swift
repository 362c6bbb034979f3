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
}
