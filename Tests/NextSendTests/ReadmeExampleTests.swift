import Foundation
import NextSend
import Testing

/// The library example of docs/library.md: it compiles (it is `ReadmeExample.swift`), it says what
/// it prints, and the page shows exactly that code.
@Suite struct ReadmeExampleTests {
    @Test func theReadmeExampleWorks() throws {
        let advice = try ReadmeExample.run()
        let pick = try #require(advice.recommendations.first)
        #expect(pick.asset.id == "tco-model")
        #expect(pick.sendTo == ["dana", "lee"])
        #expect(pick.reason.hasPrefix("Dana Reyes (finance) and Lee Park (IT) disagree on three-year cost: Dana at $120,000 vs Lee at $310,000 — "))
        #expect(advice.diagnosis.job(.validation)?.status == .stalled)
    }

    @Test func theLibraryPageShowsTheCompiledExample() throws {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let root = tests.deletingLastPathComponent().deletingLastPathComponent()
        let example = try String(contentsOf: tests.appendingPathComponent("ReadmeExample.swift"), encoding: .utf8)
        let readme = try String(contentsOf: root.appendingPathComponent("docs/library.md"), encoding: .utf8)

        let lines = example.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.contains("// --- README example starts") })
        let end = try #require(lines.firstIndex { $0.contains("// --- README example ends") })
        let code = lines[(start + 1)..<end].map { $0.hasPrefix("        ") ? String($0.dropFirst(8)) : $0 }.joined(separator: "\n")

        let block = try #require(readme.range(of: "```swift\nimport NextSend\n\n"))
        let close = try #require(readme.range(of: "\n```", range: block.upperBound..<readme.endIndex))
        #expect(String(readme[block.upperBound..<close.lowerBound]) == code)
    }
}
