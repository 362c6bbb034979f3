import Foundation
import Testing

/// The templates read typed values through `child(named:)` switches (TemplateFields.swift): a name a
/// template uses that no type answers would render as nothing, silently. Every name in every digest
/// template must be one some type lists.
@Suite struct TemplateFieldsTests {
    static let digestSources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/NextSendDigest")

    /// The names of `{{name}}`, `{{{name}}}`, `{{#name}}`, `{{^name}}` tags, dotted names split.
    static func names(in template: String) -> Set<String> {
        let tag = try! NSRegularExpression(pattern: #"\{\{\{?[#^/&]?\s*([A-Za-z][A-Za-z0-9_.]*)\s*\}?\}\}"#)
        var names: Set<String> = []
        for match in tag.matches(in: template, range: NSRange(template.startIndex..., in: template)) {
            let name = String(template[Range(match.range(at: 1), in: template)!])
            names.formUnion(name.split(separator: ".").map(String.init))
        }
        return names
    }

    @Test func everyNameATemplateUsesIsAnsweredByAType() throws {
        let rendering = Self.digestSources.appendingPathComponent("Rendering")
        let code = try FileManager.default.contentsOfDirectory(atPath: rendering.path).filter { $0.hasSuffix(".swift") }
            .map { try String(contentsOf: rendering.appendingPathComponent($0), encoding: .utf8) }.joined()
        let answered = Set(try NSRegularExpression(pattern: #"case "([A-Za-z0-9_]+)":"#)
            .matches(in: code, range: NSRange(code.startIndex..., in: code))
            .map { String(code[Range($0.range(at: 1), in: code)!]) })
        let templates = Self.digestSources.appendingPathComponent("Templates")
        var checked = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: templates.path) where file.hasSuffix(".mustache") {
            let names = Self.names(in: try String(contentsOf: templates.appendingPathComponent(file), encoding: .utf8))
            #expect(names.count > 20, "\(file)")
            for name in names.sorted() {
                #expect(answered.contains(name), "\(file) uses {{\(name)}}, which no type in Rendering/ answers")
                checked += 1
            }
        }
        #expect(checked > 150)
        // The check itself: a name no type lists is found.
        #expect(!answered.contains("noSuchField"))
        #expect(Self.names(in: "{{#digest}}{{noSuchField}}{{/digest}}") == ["digest", "noSuchField"])
    }
}
