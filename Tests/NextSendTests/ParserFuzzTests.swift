import Foundation
import NextSend
import NextSendTestSupport
import Testing
import NextSendSynthetic

/// Seeded mutations of valid files: the parsers never crash or hang, and every rejected input
/// gets a diagnostic naming its file.
@Suite struct ParserFuzzTests {
    let taxonomy = Samples.taxonomy

    /// One mutation of `text`, chosen by the generator.
    static func mutate(_ text: String, _ random: inout SeededGenerator) -> String {
        var bytes = Array(text.utf8)
        switch Int.random(in: 0..<12, using: &random) {
        case 0: // truncation
            bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
        case 1: // byte flips, which may also break UTF-8
            for _ in 0..<Int.random(in: 1...8, using: &random) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
            }
        case 2: // a duplicated line (often a duplicated key)
            var lines = text.components(separatedBy: "\n")
            let index = Int.random(in: 0..<lines.count, using: &random)
            lines.insert(lines[index], at: index)
            return lines.joined(separator: "\n")
        case 3: // a wrong type: a value becomes a mapping or a list
            var lines = text.components(separatedBy: "\n")
            let index = Int.random(in: 0..<lines.count, using: &random)
            if let colon = lines[index].firstIndex(of: ":") {
                lines[index] = String(lines[index][...colon]) + (Bool.random(using: &random) ? " {a: [1, {b: 2}]}" : " [[x], y]")
            }
            return lines.joined(separator: "\n")
        case 4: // a 10 MB field
            return text.replacingOccurrences(of: "Acme Health", with: String(repeating: "A", count: 10_000_000))
                .replacingOccurrences(of: "Three-year TCO model", with: String(repeating: "T", count: 10_000_000))
        case 5: // deep nesting
            let depth = Int.random(in: 100...20_000, using: &random)
            return text + "\nextra: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        case 6: // block nesting
            return text + "\nextra:\n" + (0..<300).map { String(repeating: "  ", count: $0) + "- " }.joined(separator: "\n") + "x\n"
        case 7: // a byte order mark and CRLF line endings
            return "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")
        case 8: // an alias bomb
            var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
            for level in 1..<12 {
                bomb += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
            }
            return text.hasPrefix("---") ? "---\n" + bomb + text.dropFirst(4) : bomb + text
        case 9: // control characters and NUL
            bytes.insert(contentsOf: [0, 7, 27, 0], at: Int.random(in: 0...bytes.count, using: &random))
        case 10: // tabs as indentation
            return text.replacingOccurrences(of: "  - ", with: "\t- ")
        default: // a stray quote
            bytes.insert(UInt8(ascii: "\""), at: Int.random(in: 0...bytes.count, using: &random))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(arguments: 0..<4)
    func assetFilesNeverCrashAndAlwaysNameTheFile(batch: Int) {
        var random = SeededGenerator(seed: UInt64(batch) &* 7919 &+ 11)
        for _ in 0..<60 {
            let text = ParserFuzzTests.mutate(Samples.assetFile(), &random)
            let result = AssetParser.parse(text, id: "tco-model", file: "catalog/tco-model.md", taxonomy: taxonomy, asOf: Samples.asOf)
            #expect(result.diagnostics.allSatisfy { $0.file == "catalog/tco-model.md" })
            if result.asset == nil {
                #expect(result.diagnostics.contains { $0.severity == .error }, "a rejected file says why")
            }
        }
    }

    @Test(arguments: 0..<4)
    func groupFilesNeverCrashAndAlwaysNameTheFile(batch: Int) {
        var random = SeededGenerator(seed: UInt64(batch) &* 104_729 &+ 3)
        for _ in 0..<60 {
            let text = ParserFuzzTests.mutate(Samples.groupYAML, &random)
            let result = GroupParser.parseYAML(text, file: "groups/acme.yaml", taxonomy: taxonomy, knownAssets: ["tco-model"])
            #expect(result.diagnostics.allSatisfy { $0.file == "groups/acme.yaml" })
            if result.groups.isEmpty {
                #expect(result.diagnostics.contains { $0.severity == .error })
            }
        }
    }

    @Test(arguments: 0..<4)
    func jsonLinesNeverCrashAndNameTheLine(batch: Int) {
        var random = SeededGenerator(seed: UInt64(batch) &* 15_485_863 &+ 5)
        let record = #"{"id": "g", "account": "Acme Health", "owner": "rep@x.example", "stakeholders": [{"id": "dana", "name": "Dana", "role": "finance", "influence": "decision-maker"}], "claims": [{"stakeholder": "dana", "topic": "tco", "value": 120000, "date": "2026-10-01"}], "touches": [{"asset": "tco-model", "to": ["dana"], "date": "2026-10-02", "consumed": true}]}"#
        for _ in 0..<60 {
            let text = "\n" + ParserFuzzTests.mutate(record, &random) + "\n"
            let result = GroupParser.parseJSONLines(text, file: "groups.jsonl", taxonomy: taxonomy, knownAssets: ["tco-model"])
            #expect(result.diagnostics.allSatisfy { $0.file == "groups.jsonl" && ($0.line ?? 0) >= 2 })
            if result.groups.isEmpty {
                #expect(result.diagnostics.contains { $0.severity == .error })
            }
        }
    }

    @Test func anAliasBombIsRefusedWithoutExpandingIt() {
        var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1..<30 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",") + "]\n"
        }
        let result = GroupParser.parseYAML(yaml, file: "bomb.yaml", taxonomy: taxonomy)
        #expect(result.diagnostics.first?.message.contains("aliases") == true)
        #expect(result.diagnostics.first?.line == 1)
    }

    @Test func deepNestingIsRefusedBeforeTheComposerRecursesIntoIt() {
        let yaml = "id: " + String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000) + "\n"
        let result = GroupParser.parseYAML(yaml, file: "deep.yaml", taxonomy: taxonomy)
        #expect(result.diagnostics.first?.message.contains("nested more than") == true)
    }

    @Test func oversizedFilesAndRecordsAreRefusedUpFront() {
        let asset = Samples.assetFile(["summary": String(repeating: "x", count: 2 << 20)])
        #expect(AssetParser.parse(asset, id: "x", file: "x.md", taxonomy: taxonomy, asOf: Samples.asOf)
            .diagnostics.first?.message.contains("at most 1024 KiB") == true)
        let line = #"{"id": "g", "account": ""# + String(repeating: "A", count: 5 << 20) + #""}"#
        let result = GroupParser.parseJSONLines(line, file: "big.jsonl", taxonomy: taxonomy)
        #expect(result.diagnostics.first?.message.contains("a group record is at most") == true)
    }
}
