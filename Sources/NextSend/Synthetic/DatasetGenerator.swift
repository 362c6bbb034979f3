/// Makes a synthetic dataset shaped like the real thing, for benchmarks and load tests.
///
/// Deterministic: the same seed and sizes give the same files, byte for byte. Everything is dated
/// over the six months up to `asOf`, so `next --as-of` and the digest of that week see a live,
/// busy pipeline: conflicts in a share of groups, stalled and looping jobs, touches.
///
/// Output is streamed through callbacks, so even 10⁵ × 10⁵ never sits in memory at once.
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

    static let words = ["staffing", "schedule", "overtime", "agency", "nurse", "shift", "float", "pool", "cost", "budget", "model",
                        "security", "cloud", "integration", "epic", "payroll", "rollout", "pilot", "adoption", "forecast", "census",
                        "compliance", "union", "contract", "review", "board", "savings", "retention", "burnout", "capacity",
                        "workflow", "mobile", "self-service", "analytics", "benchmark", "hospital", "clinic", "unit", "manager", "team"]
    static let titleOpeners = ["How", "Why", "A guide to", "The case for", "Measuring", "Planning", "Choosing", "Comparing", "Explaining", "Fixing"]

    public static func assetID(_ index: Int) -> String { "asset-\(pad(index, 6))" }
    public static func groupID(_ index: Int) -> String { "group-\(pad(index, 6))" }
    public static func repID(_ index: Int) -> String { "rep-\(pad(index, 4))@vendor.example" }

    // MARK: Assets

    /// Calls `emit(id, fileText)` for every asset, in id order.
    public func generateAssets(_ emit: (String, String) throws -> Void) rethrows {
        var random = SeededGenerator(seed: seed ^ 0xA55E7)
        let formats = taxonomy.formats.isEmpty ? ["guide"] : taxonomy.formats
        for index in 0..<assets {
            let id = DatasetGenerator.assetID(index)
            let jobs = Array(BuyingJob.allCases.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)))
            let shareable = Int.random(in: 0..<10, using: &random) == 0
            let roles = Array(taxonomy.roles.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)))
            let topics = Array(taxonomy.topics.shuffled(using: &random).prefix(Int.random(in: 0...2, using: &random)))
            var resolves: [String] = []
            for topic in topics where Int.random(in: 0..<3, using: &random) == 0 {
                if topic.positions.count >= 2, Bool.random(using: &random) {
                    let pair = Array(topic.positions.shuffled(using: &random).prefix(2))
                    resolves.append("  - topic: \(topic.id)\n    positions: [\(pair.joined(separator: ", "))]")
                } else {
                    resolves.append("  - topic: \(topic.id)")
                }
            }
            let published = asOf.adding(days: -Int.random(in: 30...700, using: &random))
            let reviewBy = published.adding(days: Int.random(in: 240...800, using: &random))
            let roll = Int.random(in: 0..<100, using: &random)
            let status = roll < 4 ? "draft" : roll < 8 ? "retired" : "published"
            let title = "\(DatasetGenerator.titleOpeners.randomElement(using: &random)!) \(phrase(3, &random)) for \(roles[0]) teams"
            var lines = ["---", "title: \(title) (\(index))", "summary: \(sentence(12, &random))",
                         "url: https://vendor.example/assets/\(id)", "format: \(formats.randomElement(using: &random)!)",
                         "jobs: [\(jobs.map(\.rawValue).joined(separator: ", "))]", "roles: [\(roles.joined(separator: ", "))]",
                         "topics: [\(topics.map(\.id).joined(separator: ", "))]"]
            if !resolves.isEmpty { lines.append("resolves:\n" + resolves.joined(separator: "\n")) }
            lines += ["shareable: \(shareable)", "channel: \(["self-serve", "rep-led", "either"].randomElement(using: &random)!)",
                      "minutes: \(Int.random(in: 3...60, using: &random))", "published: \(published)", "reviewBy: \(reviewBy)",
                      "owner: marketer-\(Int.random(in: 1...12, using: &random))@vendor.example", "status: \(status)", "---", "",
                      (0..<3).map { _ in sentence(Int.random(in: 18...30, using: &random), &random) }.joined(separator: "\n\n"), ""]
            try emit(id, lines.joined(separator: "\n"))
        }
    }

    // MARK: Groups

    /// Calls `emit(jsonLine)` for every group (one JSON object, no newline), in id order.
    public func generateGroups(_ emit: (String) throws -> Void) rethrows {
        var random = SeededGenerator(seed: seed ^ 0x6209)
        let assetIDs = (0..<max(1, assets)).map(DatasetGenerator.assetID)
        let influences = taxonomy.influenceNames
        let industries = taxonomy.industries
        let start = asOf.adding(days: -182)
        for index in 0..<groups {
            let id = DatasetGenerator.groupID(index)
            let owner = DatasetGenerator.repID(Int.random(in: 0..<reps, using: &random))
            let size = Int.random(in: 6...10, using: &random)
            var people: [(id: String, role: String)] = []
            var stakeholderJSON: [String] = []
            for person in 0..<size {
                let role = taxonomy.roles.randomElement(using: &random)!
                let influence = person == 0 ? influences.first! : person == 1 && influences.count > 1 ? influences[1]
                    : influences.randomElement(using: &random)!
                let pid = "p\(person)"
                people.append((pid, role))
                stakeholderJSON.append(#"{"id":"\#(pid)","name":"\#(DatasetGenerator.names[(index * 7 + person) % DatasetGenerator.names.count]) \#(index)-\#(person)","role":"\#(role)","influence":"\#(influence)"}"#)
            }
            // Agreed values per topic; some groups get a planted disagreement.
            let conflictTopic: Topic? = Int.random(in: 0..<100, using: &random) < 45 ? taxonomy.topics.randomElement(using: &random) : nil
            var claims: [String] = []
            for person in people {
                for topic in taxonomy.topics.shuffled(using: &random).prefix(Int.random(in: 4...5, using: &random)) {
                    let date = start.adding(days: Int.random(in: 0...182, using: &random))
                    let dissent = topic.id == conflictTopic?.id && person.id == "p1"
                    let source = ["analyst", "peer", "web", "rep"].randomElement(using: &random)!
                    switch topic.kind {
                    case let .number(_, tolerance):
                        let base = Double(Int(StableHash.value(id + topic.id) % 900) + 100) * 1000
                        let value = dissent ? base * (1 + tolerance * 4) : base * (1 + Double.random(in: -0.05...0.05, using: &random))
                        claims.append(#"{"stakeholder":"\#(person.id)","topic":"\#(topic.id)","value":\#(Int(value)),"source":"\#(source)","date":"\#(date)"}"#)
                    case .choice:
                        let agreed = topic.positions[Int(StableHash.value(id + topic.id) % UInt64(topic.positions.count))]
                        var position = agreed
                        if dissent {
                            position = topic.positions.first { !topic.areCompatible($0, agreed) } ?? agreed
                        }
                        claims.append(#"{"stakeholder":"\#(person.id)","topic":"\#(topic.id)","position":"\#(position)","source":"\#(source)","date":"\#(date)"}"#)
                    }
                }
            }
            var events: [String] = []
            var day = start.adding(days: Int.random(in: 0...40, using: &random))
            for job in BuyingJob.allCases {
                guard day < asOf, Int.random(in: 0..<100, using: &random) < 80 else { break }
                events.append(#"{"job":"\#(job.rawValue)","type":"started","date":"\#(day)"}"#)
                let finish = day.adding(days: Int.random(in: 10...45, using: &random))
                let fate = Int.random(in: 0..<100, using: &random)
                if finish < asOf, fate < 55 {
                    events.append(#"{"job":"\#(job.rawValue)","type":"completed","date":"\#(finish)"}"#)
                    if fate < 12, finish.adding(days: 10) < asOf {
                        events.append(#"{"job":"\#(job.rawValue)","type":"reopened","date":"\#(finish.adding(days: 10))"}"#)
                    }
                } else if fate < 80 {
                    let progress = min(asOf, day.adding(days: Int.random(in: 1...20, using: &random)))
                    events.append(#"{"job":"\#(job.rawValue)","type":"progressed","date":"\#(progress)"}"#)
                }
                day = day.adding(days: Int.random(in: 5...30, using: &random))
            }
            var touches: [String] = []
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                let asset = assetIDs.randomElement(using: &random)!
                let to = people.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)).map { "\"\($0.id)\"" }
                let date = start.adding(days: Int.random(in: 0...182, using: &random))
                touches.append(#"{"asset":"\#(asset)","to":[\#(to.joined(separator: ","))],"date":"\#(date)","channel":"email","consumed":\#(Bool.random(using: &random))}"#)
            }
            var fields = [#""id":"\#(id)""#, #""account":"Account \#(index)""#, #""owner":"\#(owner)""#]
            if let industry = industries.isEmpty ? nil : industries.randomElement(using: &random) { fields.append(#""industry":"\#(industry)""#) }
            fields += [#""stakeholders":[\#(stakeholderJSON.joined(separator: ","))]"#, #""claims":[\#(claims.joined(separator: ","))]"#,
                       #""events":[\#(events.joined(separator: ","))]"#, #""touches":[\#(touches.joined(separator: ","))]"#]
            try emit("{" + fields.joined(separator: ",") + "}")
        }
    }

    static let names = ["Avery", "Blake", "Casey", "Devon", "Emery", "Finley", "Harper", "Jordan", "Kendall", "Logan", "Morgan", "Parker",
                        "Quinn", "Reese", "Rowan", "Sawyer", "Taylor", "Skyler"]

    func phrase(_ count: Int, _ random: inout SeededGenerator) -> String {
        (0..<count).map { _ in DatasetGenerator.words.randomElement(using: &random)! }.joined(separator: " ")
    }

    func sentence(_ count: Int, _ random: inout SeededGenerator) -> String {
        let text = phrase(count, &random)
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
