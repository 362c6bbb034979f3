import Foundation
import NextSend
import NextSendMail
import NextSendStore

/// The digests `nextsend digest` wrote for a week, read back for delivery: each rep's Markdown,
/// HTML and JSON (the JSON says whose digest it is and what the subject line counts).
enum WrittenDigests {
    /// What the subject line needs from a rep digest's JSON.
    struct RepFacts: Decodable {
        struct Group: Decodable {
            struct Item: Decodable {}
            struct Stall: Decodable {
                var label: String
                var idleDays: Int?
            }
            var id: String
            var account: String
            var urgency: Double
            var headline: String
            var conflicts: [Item]
            var stalled: [Stall]
            var missingVoices: [String]?
        }

        var rep: String
        var groups: [Group]

        /// "W48: 2 deals stalled, 3 open conflicts — NextSend": what matters first.
        func subject(week: IsoWeek) -> String {
            let stalled = groups.filter { !$0.stalled.isEmpty }.count
            let conflicts = groups.map(\.conflicts.count).reduce(0, +)
            let missing = groups.map { $0.missingVoices?.count ?? 0 }.reduce(0, +)
            var parts: [String] = []
            if stalled > 0 { parts.append("\(Words.count(stalled, "deal")) stalled") }
            if conflicts > 0 { parts.append(Words.count(conflicts, "open conflict")) }
            if missing > 0 { parts.append(Words.count(missing, "missing voice")) }
            let what = parts.isEmpty ? (groups.isEmpty ? "no open deals" : "\(Words.count(groups.count, "deal")), nothing stalled or split")
                : parts.joined(separator: ", ")
            return "W\(week.week): \(what) — NextSend"
        }
    }

    struct MarketingFacts: Decodable {
        struct Item: Decodable {}
        var gaps: [Item]
        var expiring: [Item]

        func subject(week: IsoWeek) -> String {
            "W\(week.week) marketing: \(Words.count(gaps.count, "content gap")), \(Words.count(expiring.count, "review")) due — NextSend"
        }
    }

    struct Rep {
        var digest: RepFacts
        var markdown: String
        var html: String
    }

    struct Marketing {
        var facts: MarketingFacts
        var markdown: String
        var html: String
        func subject(week: IsoWeek) -> String { facts.subject(week: week) }
    }

    static func folder(_ outDirectory: String, _ week: IsoWeek) -> URL {
        URL(fileURLWithPath: outDirectory).standardizedFileURL.appendingPathComponent(week.description, isDirectory: true)
    }

    /// Every rep digest of the week, in file-name order.
    static func reps(in outDirectory: String, week: IsoWeek) throws -> [Rep] {
        let reps = folder(outDirectory, week).appendingPathComponent("reps")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: reps.path) else {
            throw ContentError(.missingInput, "no digest written for \(week) in \(outDirectory); "
                + "run 'nextsend digest --week \(week) --out \(outDirectory)' first (or 'digest --deliver')")
        }
        return try names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { name in
            let base = reps.appendingPathComponent(String(name.dropLast(5)))
            let facts = try decode(RepFacts.self, base.appendingPathExtension("json"))
            return Rep(digest: facts, markdown: try text(base.appendingPathExtension("md"), week: week, outDirectory: outDirectory),
                       html: try text(base.appendingPathExtension("html"), week: week, outDirectory: outDirectory))
        }
    }

    static func marketing(in outDirectory: String, week: IsoWeek) throws -> Marketing {
        let base = folder(outDirectory, week).appendingPathComponent("marketing")
        return Marketing(facts: try decode(MarketingFacts.self, base.appendingPathExtension("json")),
                         markdown: try text(base.appendingPathExtension("md"), week: week, outDirectory: outDirectory),
                         html: try text(base.appendingPathExtension("html"), week: week, outDirectory: outDirectory))
    }

    static func text(_ url: URL, week: IsoWeek, outDirectory: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ContentError(.missingInput, "\(url.path) is missing: a delivered digest needs its Markdown, HTML and JSON; "
                + "write them with 'nextsend digest --week \(week) --out \(outDirectory) --format md,html,json'")
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ url: URL) throws -> T {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ContentError(.missingInput, "\(url.path) is missing: a delivered digest needs its JSON (the default formats write it)")
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw ContentError(.unreadable, "\(url.path) is not a digest NextSend wrote: \(error)")
        }
    }
}
