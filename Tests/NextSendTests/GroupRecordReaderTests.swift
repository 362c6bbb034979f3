import Foundation
import NextSendSynthetic
import Testing
@testable import NextSend

/// The fast reader of JSON Lines group records (`GroupRecordReader`) against the general one: on
/// every record it answers for, the same group the general reader gives without a message; on
/// every other record, it steps aside, so what a file gives and every message about it are the
/// general reader's.
@Suite struct GroupRecordReaderTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let taxonomy = try! TaxonomyParser.parse(String(contentsOf: repository.appendingPathComponent("content/taxonomy.yaml"), encoding: .utf8),
                                                    file: "content/taxonomy.yaml")
    static let asOf = Day("2026-11-29")!
    static let assetCount = 300
    static let knownAssets = Set((0..<assetCount).map(DatasetGenerator.assetID))

    static func records(_ count: Int, seed: UInt64) -> [String] {
        let generator = DatasetGenerator(assets: assetCount, groups: count, reps: 25, seed: seed, asOf: asOf, taxonomy: taxonomy)
        var lines: [String] = []
        generator.generateGroups { lines.append($0) }
        return lines
    }

    /// Generated records with every optional field a real export carries (a deal, e-mail
    /// addresses and titles, quotes, notes, channels), decimals, text in many scripts, and a
    /// record without an industry, so the fast reader's handling of each is compared too.
    static func richRecords(_ count: Int, seed: UInt64) throws -> [String] {
        let names = ["Zoë Álvarez-Nakamura", "Łukasz Wróbel", "Renée O'Neal", "李伟", "Søren Ødegård", "Ana María Núñez"]
        return try records(count, seed: seed).enumerated().map { index, line in
            var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            object["deal"] = ["name": "Expansion \(index)", "stage": "Proposal/Price Quote", "amount": 120_000.5 + Double(index),
                              "currency": ["usd", "EUR", "gbp"][index % 3], "closeDate": "2027-01-15"]
            if index % 4 == 0 { object["industry"] = nil }
            var people = object["stakeholders"] as? [[String: Any]] ?? []
            for slot in people.indices {
                people[slot]["name"] = names[(index + slot) % names.count]
                people[slot]["title"] = "VP, Nursing & Ops"
                people[slot]["email"] = "person.\(slot)@hospital-\(index).example"
            }
            object["stakeholders"] = people
            var claims = object["claims"] as? [[String: Any]] ?? []
            for slot in claims.indices {
                claims[slot]["quote"] = "« \(names[slot % names.count]) » said so on the call"
                if let value = claims[slot]["value"] as? Double, value < 100 { claims[slot]["value"] = value + 0.25 }
            }
            object["claims"] = claims
            var events = object["events"] as? [[String: Any]] ?? []
            for slot in events.indices { events[slot]["note"] = "Steering committee — week \(slot)" }
            object["events"] = events
            var touches = object["touches"] as? [[String: Any]] ?? []
            for slot in touches.indices { touches[slot]["channel"] = "email"; touches[slot]["consumed"] = slot % 2 == 0 }
            object["touches"] = touches
            return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]),
                          as: UTF8.self)
        }
    }

    struct Reading: Equatable {
        var group: BuyingGroup?
        var diagnostics: [Diagnostic]
    }

    static func read(_ line: String, fast: Bool, latest: Day? = asOf) -> Reading {
        var diagnostics = DiagnosticCollector(file: "groups.jsonl")
        let group = GroupParser.parseJSONRecord(line, line: 7, taxonomy: taxonomy, knownAssets: knownAssets, latest: latest, fast: fast,
                                                into: &diagnostics)
        return Reading(group: group, diagnostics: diagnostics.diagnostics)
    }

    @Test func everyGeneratedRecordTakesTheFastWayToTheGeneralReadersGroup() {
        let lines = Self.records(150, seed: 11)
        #expect(lines.count == 150)
        for line in lines {
            let fast = GroupRecordReader.group(line, taxonomy: Self.taxonomy, knownAssets: Self.knownAssets, latest: Self.asOf)
            let general = Self.read(line, fast: false)
            #expect(general.diagnostics.isEmpty)
            #expect(fast != nil, "the fast reader stepped aside on a valid record: \(line.prefix(120))")
            #expect(fast == general.group)
        }
    }

    @Test func recordsWithEveryOptionalFieldTakeTheFastWayToTheGeneralReadersGroup() throws {
        let lines = try Self.richRecords(60, seed: 5)
        for line in lines {
            let fast = GroupRecordReader.group(line, taxonomy: Self.taxonomy, knownAssets: Self.knownAssets, latest: Self.asOf)
            let general = Self.read(line, fast: false)
            #expect(general.diagnostics.isEmpty, "\(general.diagnostics)")
            #expect(fast != nil, "the fast reader stepped aside on a valid record: \(line.prefix(160))")
            #expect(fast == general.group)
        }
        #expect(lines.contains { !$0.contains("\"industry\"") }, "a record without an industry is among them")
    }

    /// Records broken or bent one way at a time, thousands of them: reading with the fast reader
    /// gives the same group and the same messages, word for word, as the general reader alone.
    @Test(arguments: [1, 2, 3, 4])
    func fuzzedRecordsReadAsTheGeneralReaderReadsThem(seed: Int) throws {
        var random = SeededGenerator(seed: UInt64(seed) &* 7919)
        var answeredFast = 0, steppedAside = 0, refused = 0
        for line in try Self.records(30, seed: UInt64(seed)) + Self.richRecords(20, seed: UInt64(seed) &+ 100) {
            for _ in 0..<6 {
                let bent = try Self.mutate(line, using: &random)
                let withFast = Self.read(bent, fast: true)
                let general = Self.read(bent, fast: false)
                #expect(withFast == general, "\(bent)")
                if GroupRecordReader.group(bent, taxonomy: Self.taxonomy, knownAssets: Self.knownAssets, latest: Self.asOf) != nil {
                    answeredFast += 1
                    #expect(general.diagnostics.isEmpty && general.group != nil, "answered for a record the general reader refuses: \(bent)")
                } else {
                    steppedAside += 1
                }
                if general.group == nil { refused += 1 }
            }
        }
        // The fuzzing reaches every side: bent records the fast reader answers for, valid ones it leaves
        // to the general reader, and broken ones refused (about 60, 240 and 185 of 300 a seed).
        #expect(answeredFast > 20)
        #expect(steppedAside > 80)
        #expect(refused > 40)
    }

    @Test func aRecordAnsweredByNeitherCheckIsLeftToTheGeneralReader() throws {
        let line = Self.records(1, seed: 3)[0]
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let industry = try #require(object["industry"] as? String)
        let claim = try #require((object["claims"] as? [[String: Any]])?.first { $0["value"] != nil })
        let value = try #require(claim["value"] as? NSNumber)
        let touch = try #require((object["touches"] as? [[String: Any]])?.first { ($0["to"] as? [String])?.count == 1 })
        let recipient = try #require((touch["to"] as? [String])?.first)
        // Spaces around a value, a null, a number as text, a list as a single name: all valid for
        // the general reader, which trims, skips and converts; the fast reader leaves them to it.
        let bent = [
            line.replacingOccurrences(of: "\"account\":\"", with: "\"account\":\"  "),
            line.replacingOccurrences(of: "\"industry\":\"\(industry)\"", with: "\"industry\":null"),
            line.replacingOccurrences(of: "\"value\":\(value)", with: "\"value\":\"\(value)\""),
            line.replacingOccurrences(of: "\"to\":[\"\(recipient)\"]", with: "\"to\":\"\(recipient)\""),
        ]
        for record in bent {
            #expect(record != line, "the record was bent")
            #expect(Self.read(record, fast: false).group != nil, "valid for the general reader")
            #expect(GroupRecordReader.group(record, taxonomy: Self.taxonomy, knownAssets: Self.knownAssets, latest: Self.asOf) == nil)
            #expect(Self.read(record, fast: true) == Self.read(record, fast: false))
        }
        // A fact dated after the day of the import is the general reader's to report.
        let early = Day("2026-01-01")!
        #expect(GroupRecordReader.group(line, taxonomy: Self.taxonomy, knownAssets: Self.knownAssets, latest: early) == nil)
        #expect(!Self.read(line, fast: true, latest: early).diagnostics.isEmpty)
    }

    // MARK: Bending a record

    /// One change to a record: a value replaced, removed, nulled, padded, retyped or put out of
    /// range; a field added; or the text itself edited (a repeated key, a long figure, an escape).
    static func mutate(_ line: String, using random: inout SeededGenerator) throws -> String {
        // Edits to the text itself, as other exporters write it: never rewritten by a JSON writer.
        switch Int.random(in: 0..<16, using: &random) {
        case 0: return line.replacingOccurrences(of: "{\"id\":", with: "{\"id\":\"group-dup\",\"id\":")
        case 1, 2:
            let figures = ["0.1000000000000000055511151231257827", "1e3", "12.50", "-0", "1E+2", "999999999999999.9", "3.0000000000000004",
                           "120000.000000000001", "1e16", "-7", "0.0814065000000000", "0.0235505000000000", "00012", "12.", "1.0",
                           "120000.5", "15.000000000000", "-0.0"]
            let figure = figures[Int.random(in: 0..<figures.count, using: &random)]
            let key = Bool.random(using: &random) ? "\"value\":" : "\"amount\":"
            guard let range = line.range(of: key) else { return line }
            let rest = line[range.upperBound...]
            let end = rest.firstIndex { $0 == "," || $0 == "}" } ?? rest.endIndex
            return line.replacingCharacters(in: range.upperBound..<end, with: figure)
        case 3: return line.replacingOccurrences(of: "\"name\":\"", with: "\"name\":\"\\u00c9\\u0301")
        case 4:
            // A raw byte-order mark inside a value, where CSV-fed CRMs leave one.
            let field = ["\"account\":\"", "\"name\":\"", "\"title\":\"", "\"quote\":\"", "\"source\":\""][Int.random(in: 0..<5, using: &random)]
            return line.replacingOccurrences(of: field, with: field + "\u{FEFF}")
        case 5:
            // JSON's own white space between tokens, and some it does not allow.
            let space = [" ", "\t", "  \r ", "\u{A0}", "\u{2028}"][Int.random(in: 0..<5, using: &random)]
            return Self.spaced(line, with: space, using: &random)
        case 6: return line + [" ", "\t", " x", ",", "}"][Int.random(in: 0..<5, using: &random)]
        case 7: return line.replacingOccurrences(of: "\"title\":\"VP", with: "\"title\":\"\u{301}VP")
        default: break
        }
        var object = try JSONSerialization.jsonObject(with: Data(line.utf8))
        var paths: [[PathStep]] = []
        collect(object, at: [], into: &paths)
        let path = paths[Int.random(in: 0..<paths.count, using: &random)]
        let replacement: Any?
        let current = value(in: object, at: path)
        switch Int.random(in: 0..<12, using: &random) {
        case 0: replacement = nil
        case 1: replacement = NSNull()
        case 2: replacement = " \(current.map { "\($0)" } ?? "x") "
        case 3: replacement = ""
        case 4: replacement = (current as? String).map { _ in 42 as Any } ?? "42"
        case 5: replacement = ["nope", "security", "p0", "p99", "it", "champion", "big-bang", "annual"][Int.random(in: 0..<8, using: &random)]
        case 6: replacement = ["2026-11-30", "2026-02-30", "2026-11-29", "26-11-01", "2025-12-31"][Int.random(in: 0..<5, using: &random)]
        case 7: replacement = ["yes", 1, true, "true"][Int.random(in: 0..<4, using: &random)]
        case 8: replacement = [current ?? "p0"]
        case 9: replacement = ["stakeholder": "p0"]
        case 10: replacement = [1e15, 2e15, -3, 0.5, 150, 12][Int.random(in: 0..<6, using: &random)]
        default:
            // A field nobody defined, beside the chosen one.
            replacement = current
            object = set(object, at: Array(path.dropLast()) + [.key("notes\(Int.random(in: 0..<3, using: &random))")], to: "x")
        }
        object = set(object, at: path, to: replacement)
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
    }

    /// `line` with `space` put after one kind of structural character.
    static func spaced(_ line: String, with space: String, using random: inout SeededGenerator) -> String {
        let mark = [",", ":", "[", "{", "]"][Int.random(in: 0..<5, using: &random)]
        var out = ""
        var inString = false
        for character in line {
            out.append(character)
            if character == "\"" { inString.toggle() }
            if !inString, String(character) == mark { out += space }
        }
        return out
    }

    enum PathStep { case key(String), index(Int) }

    static func collect(_ node: Any, at path: [PathStep], into paths: inout [[PathStep]]) {
        if !path.isEmpty { paths.append(path) }
        if let object = node as? [String: Any] {
            for key in object.keys.sorted() { collect(object[key]!, at: path + [.key(key)], into: &paths) }
        } else if let array = node as? [Any] {
            for (index, item) in array.enumerated() { collect(item, at: path + [.index(index)], into: &paths) }
        }
    }

    static func value(in node: Any, at path: [PathStep]) -> Any? {
        guard let step = path.first else { return node }
        switch step {
        case let .key(key): return (node as? [String: Any])?[key].flatMap { value(in: $0, at: Array(path.dropFirst())) }
        case let .index(index):
            guard let array = node as? [Any], array.indices.contains(index) else { return nil }
            return value(in: array[index], at: Array(path.dropFirst()))
        }
    }

    static func set(_ node: Any, at path: [PathStep], to replacement: Any?) -> Any {
        guard let step = path.first else { return replacement ?? NSNull() }
        switch step {
        case let .key(key):
            guard var object = node as? [String: Any] else { return node }
            if path.count == 1 {
                object[key] = replacement
            } else if let child = object[key] {
                object[key] = set(child, at: Array(path.dropFirst()), to: replacement)
            }
            return object
        case let .index(index):
            guard var array = node as? [Any], array.indices.contains(index) else { return node }
            if path.count == 1 {
                if let replacement { array[index] = replacement } else { array.remove(at: index) }
            } else {
                array[index] = set(array[index], at: Array(path.dropFirst()), to: replacement)
            }
            return array
        }
    }
}
