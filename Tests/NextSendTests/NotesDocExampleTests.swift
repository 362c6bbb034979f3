import Foundation
import NextSend
import Testing

/// docs/notes.md's library example: it compiles, it prints what a reader expects, and the page
/// shows exactly that code.
@Suite struct NotesDocExampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theExampleReadsAnInboundEmail() throws {
        let taxonomy = try TaxonomyParser.parse(String(contentsOf: Self.root.appendingPathComponent("content/taxonomy.yaml"), encoding: .utf8),
                                                file: "content/taxonomy.yaml")
        let group = BuyingGroup(id: "acme", account: "Acme Health", owner: "alice@vendor.example", stakeholders: [
            Stakeholder(id: "dana", name: "Dana Reyes", role: "finance", influence: "decision-maker", email: "dana@acme.example"),
        ])
        let text = "From: Dana Reyes <dana@acme.example>\nSubject: cost\n\nMy three-year total comes to $125k.\nCan you send the TCO model?\n"
        #expect(NotesDocExample.run(taxonomy: taxonomy, group: group, text: text)
            == ["dana tco 125000 My three-year total comes to $125k.", "question Can you send the TCO model?"])
    }

    @Test func thePageShowsTheCompiledExample() throws {
        let example = try String(contentsOf: Self.root.appendingPathComponent("Tests/NextSendTests/NotesDocExample.swift"), encoding: .utf8)
        let page = try String(contentsOf: Self.root.appendingPathComponent("docs/notes.md"), encoding: .utf8)
        let lines = example.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.contains("// --- docs example starts") })
        let end = try #require(lines.firstIndex { $0.contains("// --- docs example ends") })
        let code = lines[(start + 1)..<end].map { $0.hasPrefix("        ") ? String($0.dropFirst(8)) : $0 }.joined(separator: "\n")
        let block = try #require(page.range(of: "```swift\nimport NextSend\n\n"))
        let close = try #require(page.range(of: "\n```", range: block.upperBound..<page.endIndex))
        #expect(String(page[block.upperBound..<close.lowerBound]) == code)
    }
}
