import Foundation
import NextSend

/// Makes a synthetic dataset shaped like the real thing, for benchmarks and load tests.
///
/// Deterministic: the same seed and sizes give the same files, byte for byte. Everything is dated
/// over the six months up to `asOf`, so `next --as-of` and the digest of that week see a live,
/// busy pipeline. What makes it believable rather than merely large:
///
/// - **Content families.** An asset is often one edition of a family: a base for any industry and
///   editions made for one industry each, sharing the family's jobs, roles and topics.
/// - **Figures in range.** Each group's figures sit where the topic's unit puts them (a three-year
///   cost in the hundreds of thousands to millions of dollars, a payback in months, a saving in percent).
/// - **Camps.** A conflict splits a group into two or three camps, each holding its own figure or
///   position: one person in each camp, then three in four of the others with the first.
/// - **History.** Resolvers were sent into earlier splits and job content into stalled jobs; some of
///   those sends were followed by the split closing or the job moving within two weeks, as often as
///   the asset's own (hidden) quality says, so the learning rules have outcomes to learn from.
///
/// Assets are written one at a time and groups are streamed through a callback; only the tags of
/// the catalog are held (for sends), so even 10⁵ × 10⁵ stays small in memory.
public struct DatasetGenerator: Sendable {
    public var assets: Int
    public var groups: Int
    public var reps: Int
    public var seed: UInt64
    public var asOf: Day
    public var taxonomy: Taxonomy

    public init(assets: Int, groups: Int, reps: Int, seed: UInt64, asOf: Day, taxonomy: Taxonomy) {
        self.assets = assets
        self.groups = groups
        self.reps = max(1, reps)
        self.seed = seed
        self.asOf = asOf
        self.taxonomy = taxonomy
    }

    public static func assetID(_ index: Int) -> String { "asset-\(pad(index, 6))" }
    public static func groupID(_ index: Int) -> String { "group-\(pad(index, 6))" }
    public static func repID(_ index: Int) -> String { "rep-\(pad(index, 4))@vendor.example" }

    // MARK: Assets

    /// Calls `emit(id, fileText)` for every asset, in id order.
    public func generateAssets(_ emit: (String, String) throws -> Void) rethrows {
        for plan in assetPlans() {
            var random = SeededGenerator(seed: seed ^ 0x7E47 ^ UInt64(plan.index) &* 0x9E37_79B9)
            let id = DatasetGenerator.assetID(plan.index)
            var lines = ["---", "title: \(plan.title) (\(plan.index))", "summary: \(DatasetGenerator.sentence(12, &random))",
                         "url: https://vendor.example/assets/\(id)", "format: \(plan.format)",
                         "jobs: [\(plan.jobs.map(\.rawValue).joined(separator: ", "))]", "roles: [\(plan.roles.joined(separator: ", "))]",
                         "topics: [\(plan.topics.joined(separator: ", "))]"]
            if !plan.industries.isEmpty { lines.append("industries: [\(plan.industries.joined(separator: ", "))]") }
            if !plan.resolves.isEmpty {
                lines.append("resolves:")
                for resolution in plan.resolves {
                    lines.append("  - topic: \(resolution.topic)")
                    if !resolution.positions.isEmpty { lines.append("    positions: [\(resolution.positions.joined(separator: ", "))]") }
                }
            }
            lines += ["shareable: \(plan.shareable)", "channel: \(plan.channel)", "minutes: \(plan.minutes)",
                      "published: \(plan.published)", "reviewBy: \(plan.reviewBy)", "owner: \(plan.owner)",
                      "status: \(plan.status)", "---", "",
                      (0..<3).map { _ in DatasetGenerator.sentence(Int.random(in: 18...30, using: &random), &random) }.joined(separator: "\n\n"), ""]
            try emit(id, lines.joined(separator: "\n"))
        }
    }

    /// The tags of one asset, decided before any text: groups' histories send real resolvers and
    /// real job content, so the outcomes they record belong to assets that could have earned them.
    struct AssetPlan {
        var index: Int
        var title: String
        var format: String
        var jobs: [BuyingJob]
        var roles: [String]
        var topics: [String]
        var resolves: [(topic: String, positions: [String])]
        var industries: [String]
        var shareable: Bool
        var channel: String
        var minutes: Int
        var published: Day
        var reviewBy: Day
        var owner: String
        var status: String
        /// How often a send of it is followed by the need being met (0.15–0.85): never written to
        /// the asset, only seen through the outcomes it leaves.
        var quality: Double { 0.15 + 0.7 * Double(StableHash.value("quality:\(index)") % 1000) / 1000 }
    }

    /// Every asset's plan, in id order: families of a base and up to three industry editions.
    func assetPlans() -> [AssetPlan] {
        var random = SeededGenerator(seed: seed ^ 0xA55E7)
        let formats = taxonomy.formats.isEmpty ? ["guide"] : taxonomy.formats
        var plans: [AssetPlan] = []
        plans.reserveCapacity(assets)
        while plans.count < assets {
            let jobs = Array(BuyingJob.allCases.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)))
            let roles = Array(taxonomy.roles.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)))
            let topics = Array(taxonomy.topics.shuffled(using: &random).prefix(Int.random(in: 0...2, using: &random)))
            var resolves: [(topic: String, positions: [String])] = []
            for topic in topics where Int.random(in: 0..<3, using: &random) == 0 {
                if topic.positions.count >= 2, Bool.random(using: &random) {
                    resolves.append((topic.id, Array(topic.positions.shuffled(using: &random).prefix(2))))
                } else {
                    resolves.append((topic.id, []))
                }
            }
            let roll = Int.random(in: 0..<100, using: &random)
            let published = asOf.adding(days: -Int.random(in: 30...700, using: &random))
            var base = AssetPlan(
                index: plans.count,
                title: "\(DatasetGenerator.titleOpeners.randomElement(using: &random)!) \(DatasetGenerator.phrase(3, &random)) for \(Vocabulary(taxonomy).role(roles[0])) teams",
                format: formats.randomElement(using: &random)!, jobs: jobs, roles: roles, topics: topics.map(\.id), resolves: resolves,
                industries: [], shareable: Int.random(in: 0..<10, using: &random) == 0,
                channel: ["self-serve", "rep-led", "either"].randomElement(using: &random)!, minutes: Int.random(in: 3...60, using: &random),
                published: published, reviewBy: published.adding(days: Int.random(in: 365...1000, using: &random)),
                owner: "marketer-\(Int.random(in: 1...12, using: &random))@vendor.example",
                status: roll < 4 ? "draft" : roll < 8 ? "retired" : "published")
            plans.append(base)
            // A quarter of families have an edition or two for particular industries, written after the base.
            guard !taxonomy.industries.isEmpty, Int.random(in: 0..<4, using: &random) == 0 else { continue }
            for industry in taxonomy.industries.shuffled(using: &random).prefix(Int.random(in: 1...2, using: &random)) {
                guard plans.count < assets else { break }
                base.index = plans.count
                base.industries = [industry]
                base.title = plans.last!.title.components(separatedBy: " — ")[0] + " — \(Words.capitalized(Words.spaced(industry))) edition"
                base.published = min(asOf.adding(days: -7), published.adding(days: Int.random(in: 14...120, using: &random)))
                base.reviewBy = base.published.adding(days: Int.random(in: 365...1000, using: &random))
                base.status = Int.random(in: 0..<100, using: &random) < 5 ? "draft" : plans.last!.status
                plans.append(base)
            }
        }
        return plans
    }

    // MARK: Groups

    /// Calls `emit(jsonLine)` for every group (one JSON object, no newline), in id order.
    public func generateGroups(_ emit: (String) throws -> Void) rethrows {
        var random = SeededGenerator(seed: seed ^ 0x6209)
        let plans = assetPlans()
        let live = plans.filter { $0.status == "published" && $0.reviewBy > asOf }
        let resolvers = Dictionary(grouping: live.flatMap { plan in Set(plan.resolves.map(\.topic)).map { ($0, plan.index) } }, by: \.0)
            .mapValues { $0.map(\.1) }
        let builtFor = Dictionary(grouping: live.compactMap { plan in plan.jobs.first.map { ($0, plan.index) } }, by: \.0)
            .mapValues { $0.map(\.1) }
        let influences = taxonomy.influenceNames
        let start = asOf.adding(days: -182)
        /// A send of one of `candidates` fitting `industry`: its own edition or one for any industry.
        func pick(_ candidates: [Int]?, industry: String?, _ random: inout SeededGenerator) -> AssetPlan? {
            guard let candidates, !candidates.isEmpty else { return nil }
            for _ in 0..<8 {
                let plan = plans[candidates.randomElement(using: &random)!]
                if plan.industries.isEmpty || plan.industries == industry.map({ [$0] }) { return plan }
            }
            return nil
        }

        for index in 0..<groups {
            let id = DatasetGenerator.groupID(index)
            let owner = DatasetGenerator.repID(Int.random(in: 0..<reps, using: &random))
            let industry = taxonomy.industries.isEmpty ? nil : taxonomy.industries.randomElement(using: &random)
            let size = Int.random(in: 6...10, using: &random)
            var people: [String] = []
            var stakeholderJSON: [String] = []
            for person in 0..<size {
                let role = taxonomy.roles.randomElement(using: &random)!
                let influence = person == 0 ? influences.first! : person == 1 && influences.count > 1 ? influences[1]
                    : influences.randomElement(using: &random)!
                people.append("p\(person)")
                stakeholderJSON.append(#"{"id":"p\#(person)","name":"\#(DatasetGenerator.names[(index * 7 + person) % DatasetGenerator.names.count]) \#(index)-\#(person)","role":"\#(role)","influence":"\#(influence)"}"#)
            }
            var claims: [String] = []
            var touches: [String] = []
            func claim(_ person: String, _ topic: Topic, _ value: Claim.Value, _ date: Day, _ random: inout SeededGenerator) {
                let source = ["analyst", "peer", "web", "rep"].randomElement(using: &random)!
                switch value {
                case let .number(figure):
                    claims.append(#"{"stakeholder":"\#(person)","topic":"\#(topic.id)","value":\#(Int(figure)),"source":"\#(source)","date":"\#(date)"}"#)
                case let .position(position):
                    claims.append(#"{"stakeholder":"\#(person)","topic":"\#(topic.id)","position":"\#(position)","source":"\#(source)","date":"\#(date)"}"#)
                }
            }
            func send(_ plan: AssetPlan, to: [String], on date: Day, _ random: inout SeededGenerator) {
                touches.append(#"{"asset":"\#(DatasetGenerator.assetID(plan.index))","to":[\#(to.map { "\"\($0)\"" }.joined(separator: ","))],"date":"\#(date)","channel":"email","consumed":\#(Bool.random(using: &random))}"#)
            }

            // Up to two splits: the first may have a history (a resolver sent, the split closed or
            // not), the second is recent and open.
            var splits: [(topic: Topic, camps: [[String]], values: [Claim.Value], opened: Day)] = []
            if Int.random(in: 0..<100, using: &random) < 55, let topic = taxonomy.topics.randomElement(using: &random) {
                splits += split(topic, people, group: id, opened: start.adding(days: Int.random(in: 20...150, using: &random)), &random).map { [$0] } ?? []
            }
            if Int.random(in: 0..<100, using: &random) < 15, let topic = taxonomy.topics.randomElement(using: &random),
               !splits.contains(where: { $0.topic.id == topic.id }) {
                splits += split(topic, people, group: id, opened: asOf.adding(days: -Int.random(in: 3...25, using: &random)), &random).map { [$0] } ?? []
            }
            for person in people {
                for topic in taxonomy.topics.shuffled(using: &random).prefix(Int.random(in: 4...5, using: &random))
                where !splits.contains(where: { $0.topic.id == topic.id }) {
                    claim(person, topic, agreedValue(topic, group: id, &random), start.adding(days: Int.random(in: 0...182, using: &random)), &random)
                }
            }
            for (position, split) in splits.enumerated() {
                // The first camp held its view first; the others brought theirs on the day it opened.
                for (camp, members) in split.camps.enumerated() {
                    for person in members {
                        let date = camp == 0 ? start.adding(days: Int.random(in: 0...max(0, start.days(until: split.opened)), using: &random)) : split.opened
                        claim(person, split.topic, split.values[camp], date, &random)
                    }
                }
                guard position == 0, Int.random(in: 0..<100, using: &random) < 60,
                      let plan = pick(resolvers[split.topic.id], industry: industry, &random) else { continue }
                let sent = split.opened.adding(days: Int.random(in: 2...10, using: &random))
                guard sent < asOf else { continue }
                let readers = split.camps.flatMap { $0.prefix(1) }
                send(plan, to: readers, on: sent, &random)
                // Followed by the other camps coming round to the first camp's view, as often as the asset is good.
                if Double.random(in: 0..<1, using: &random) < plan.quality {
                    for person in split.camps.dropFirst().joined() {
                        let date = min(asOf, sent.adding(days: Int.random(in: 2...12, using: &random)))
                        claim(person, split.topic, split.values[0], date, &random)
                    }
                }
            }

            var events: [String] = []
            var day = start.adding(days: Int.random(in: 0...40, using: &random))
            for job in BuyingJob.allCases {
                guard day < asOf, Int.random(in: 0..<100, using: &random) < 80 else { break }
                events.append(#"{"job":"\#(job.rawValue)","type":"started","date":"\#(day)"}"#)
                var last = day
                let finish = day.adding(days: Int.random(in: 10...45, using: &random))
                let fate = Int.random(in: 0..<100, using: &random)
                if finish < asOf, fate < 55 {
                    events.append(#"{"job":"\#(job.rawValue)","type":"completed","date":"\#(finish)"}"#)
                    if fate < 12, finish.adding(days: 10) < asOf {
                        events.append(#"{"job":"\#(job.rawValue)","type":"reopened","date":"\#(finish.adding(days: 10))"}"#)
                        last = finish.adding(days: 10)
                    } else {
                        last = asOf
                    }
                } else if fate < 80 {
                    last = min(asOf, day.adding(days: Int.random(in: 1...20, using: &random)))
                    events.append(#"{"job":"\#(job.rawValue)","type":"progressed","date":"\#(last)"}"#)
                }
                // A job that went quiet long enough to stall got content built for it, half the time;
                // as often as the asset is good, the job moved within days.
                let stalled = last.adding(days: taxonomy.stallThreshold(for: job) + Int.random(in: 1...6, using: &random))
                if stalled < asOf, Bool.random(using: &random), let plan = pick(builtFor[job], industry: industry, &random) {
                    send(plan, to: Array(people.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random))).sorted(), on: stalled, &random)
                    if Double.random(in: 0..<1, using: &random) < plan.quality {
                        let moved = min(asOf, stalled.adding(days: Int.random(in: 1...10, using: &random)))
                        events.append(#"{"job":"\#(job.rawValue)","type":"progressed","date":"\#(moved)"}"#)
                    }
                }
                day = day.adding(days: Int.random(in: 5...30, using: &random))
            }
            // And the everyday sends a rep makes without a diagnosis behind them.
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                let plan = plans[Int.random(in: 0..<plans.count, using: &random)]
                let to = Array(people.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random))).sorted()
                send(plan, to: to, on: start.adding(days: Int.random(in: 0...182, using: &random)), &random)
            }
            var fields = [#""id":"\#(id)""#, #""account":"Account \#(index)""#, #""owner":"\#(owner)""#]
            if let industry { fields.append(#""industry":"\#(industry)""#) }
            fields += [#""stakeholders":[\#(stakeholderJSON.joined(separator: ","))]"#, #""claims":[\#(claims.joined(separator: ","))]"#,
                       #""events":[\#(events.joined(separator: ","))]"#, #""touches":[\#(touches.joined(separator: ","))]"#]
            try emit("{" + fields.joined(separator: ",") + "}")
        }
    }

    /// A split on `topic`: two or three camps (at least one person each, most of the rest in the first)
    /// holding values that conflict pairwise. Choice topics get as many camps as they have
    /// positions that all conflict with each other; nil when it has fewer than two.
    func split(_ topic: Topic, _ people: [String], group: String, opened: Day,
               _ random: inout SeededGenerator) -> (topic: Topic, camps: [[String]], values: [Claim.Value], opened: Day)? {
        var wanted = Int.random(in: 0..<10, using: &random) < 7 ? 2 : 3
        var values: [Claim.Value] = []
        switch topic.kind {
        case let .number(unit, tolerance):
            let base = DatasetGenerator.figure(unit: unit, hash: StableHash.value(group + topic.id))
            // Each further camp sits a clear gap away, above and then below the first.
            let gap = 1 + 3 * tolerance
            values = [base, base * gap, base / gap].prefix(wanted).map { .number(DatasetGenerator.rounded($0, unit: unit)) }
        case .choice:
            var chosen: [String] = []
            for position in topic.positions.shuffled(using: &random) where chosen.allSatisfy({ !topic.areCompatible($0, position) }) {
                chosen.append(position)
            }
            wanted = min(wanted, chosen.count)
            values = chosen.prefix(wanted).map { .position($0) }
        }
        guard values.count >= 2 else { return nil }
        let involved = people.shuffled(using: &random).prefix(min(people.count, wanted + Int.random(in: 1...4, using: &random)))
        var camps = [[String]](repeating: [], count: values.count)
        for (slot, person) in involved.enumerated() {
            // One person in each other camp first, the rest mostly with the first camp.
            let camp = slot < values.count ? slot : Int.random(in: 0..<4, using: &random) == 0 ? Int.random(in: 1..<values.count, using: &random) : 0
            camps[camp].append(person)
        }
        return (topic, camps.map { $0.sorted() }, values, opened)
    }

    /// The value a group agrees on for `topic` (figures within a fifth of the tolerance of each other).
    func agreedValue(_ topic: Topic, group: String, _ random: inout SeededGenerator) -> Claim.Value {
        switch topic.kind {
        case let .number(unit, tolerance):
            let base = DatasetGenerator.figure(unit: unit, hash: StableHash.value(group + topic.id))
            return .number(DatasetGenerator.rounded(base * (1 + Double.random(in: -tolerance / 5...tolerance / 5, using: &random)), unit: unit))
        case .choice:
            return .position(topic.positions[Int(StableHash.value(group + topic.id) % UInt64(topic.positions.count))])
        }
    }

    /// A figure where buyers put one for this unit, spread evenly on a log scale.
    static func figure(unit: String?, hash: UInt64) -> Double {
        let (low, high): (Double, Double)
        switch unit?.lowercased() {
        case "usd", "eur", "gbp", "$", "dollars": (low, high) = (120_000, 4_500_000)
        case "months": (low, high) = (4, 36)
        case "weeks": (low, high) = (6, 52)
        case "days": (low, high) = (14, 180)
        case "percent", "%": (low, high) = (3, 35)
        case "hours": (low, high) = (20, 2_000)
        default: (low, high) = (1, 1_000)
        }
        let share = Double(hash % 10_000) / 10_000
        return low * pow(high / low, share)
    }

    /// Figures as people quote them: money to the thousand, percentages up to 95, whole units.
    static func rounded(_ value: Double, unit: String?) -> Double {
        switch unit?.lowercased() {
        case "usd", "eur", "gbp", "$", "dollars": return max(1_000, (value / 1_000).rounded() * 1_000)
        case "percent", "%": return min(95, max(1, value.rounded()))
        default: return max(1, value.rounded())
        }
    }

    static let words = ["staffing", "schedule", "overtime", "agency", "nurse", "shift", "float", "pool", "cost", "budget", "model",
                        "security", "cloud", "integration", "epic", "payroll", "rollout", "pilot", "adoption", "forecast", "census",
                        "compliance", "union", "contract", "review", "board", "savings", "retention", "burnout", "capacity",
                        "workflow", "mobile", "self-service", "analytics", "benchmark", "hospital", "clinic", "unit", "manager", "team"]
    static let titleOpeners = ["How", "Why", "A guide to", "The case for", "Measuring", "Planning", "Choosing", "Comparing", "Explaining", "Fixing"]
    static let names = ["Avery", "Blake", "Casey", "Devon", "Emery", "Finley", "Harper", "Jordan", "Kendall", "Logan", "Morgan", "Parker",
                        "Quinn", "Reese", "Rowan", "Sawyer", "Taylor", "Skyler"]

    static func phrase(_ count: Int, _ random: inout SeededGenerator) -> String {
        (0..<count).map { _ in words.randomElement(using: &random)! }.joined(separator: " ")
    }

    static func sentence(_ count: Int, _ random: inout SeededGenerator) -> String {
        let text = phrase(count, &random)
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
