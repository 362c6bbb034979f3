/// The catalog's tags packed column by column, by asset position (id order): what scoring an
/// asset for a group reads, as bit masks and integers instead of arrays of strings.
///
/// Built once with the ``CatalogIndex``. ``ColumnScorer`` computes every asset's exact score from
/// these columns in one pass, which is what lets `next` cost a pass over small integers rather
/// than a walk over each asset's strings. Roles, topics and industries become bits when the
/// catalog has at most 64 of each (and of the positions resolutions name); beyond that the table is not packed and the matcher scores
/// every asset the long way (the same picks, only slower).
struct MatchTable: Sendable, Equatable {
    /// What an asset is, beyond its tags, as bits.
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        /// Shareable or without roles: reaches anyone.
        static let reachesEveryone = Flags(rawValue: 1 << 0)
        static let shareable = Flags(rawValue: 1 << 1)
        /// Rep-led content, which reaches an unengaged person less well.
        static let repLed = Flags(rawValue: 1 << 2)
        /// Made for named industries (without any, it is for every industry).
        static let hasIndustries = Flags(rawValue: 1 << 3)
    }

    let count: Int
    /// Role, topic and industry → bit, or `nil` when there are more than 64 (the table is then not packed).
    let roleBit: [String: Int]?
    let topicBit: [String: Int]?
    let industryBit: [String: Int]?
    /// Every position a resolution names → bit.
    let positionBit: [String: Int]?
    /// Per asset: its roles as bits.
    let roleMask: [UInt64]
    /// Per asset: its jobs as bits (bit = position in `BuyingJob.allCases`).
    let jobMask: [UInt8]
    /// Per asset: its primary (first) job as a bit, or 0.
    let primaryJob: [UInt8]
    /// Per asset: the topics it covers, and those it resolves.
    let topicMask: [UInt64]
    let resolvedMask: [UInt64]
    let industryMask: [UInt64]
    let flags: [Flags]
    /// Per asset: the first day it is out (`Int.min` when undated) and its review day (`Int.max` when none), as ordinals.
    let publishedDay: [Int]
    let reviewDay: [Int]
    /// Each asset's resolutions, in its own order: the asset's run is
    /// `resolutionStart[position]..<resolutionStart[position + 1]`; a resolution's topic as a bit,
    /// its positions as bits, and whether it names none (then it settles every position).
    let resolutionStart: [Int]
    let resolutionTopic: [UInt64]
    let resolutionPositions: [UInt64]
    let resolutionAll: [Bool]

    /// Whether every role, topic and industry has a bit: only then can ``ColumnScorer`` score from the columns.
    var isPacked: Bool { roleBit != nil && topicBit != nil && industryBit != nil && positionBit != nil }

    init(_ assets: [Asset]) {
        count = assets.count
        func bits(_ names: Set<String>) -> [String: Int]? {
            names.count <= 64 ? Dictionary(uniqueKeysWithValues: names.sorted().enumerated().map { ($1, $0) }) : nil
        }
        func mask(_ names: [String], _ bits: [String: Int]?) -> UInt64 {
            names.reduce(UInt64(0)) { mask, name in mask | (bits?[name].map { UInt64(1) << UInt64($0) } ?? 0) }
        }
        let roleBit = bits(Set(assets.indices.flatMap { assets[$0].roles }))
        let topicBit = bits(Set(assets.indices.flatMap { assets[$0].topics + assets[$0].resolves.map(\.topic) }))
        let industryBit = bits(Set(assets.indices.flatMap { assets[$0].industries }))
        let positionBit = bits(Set(assets.indices.flatMap { assets[$0].resolves.flatMap(\.positions) }))
        self.roleBit = roleBit
        self.topicBit = topicBit
        self.industryBit = industryBit
        self.positionBit = positionBit
        var resolutionStart = [0], resolutionTopic: [UInt64] = [], resolutionPositions: [UInt64] = [], resolutionAll: [Bool] = []
        var roleMask: [UInt64] = [], jobMask: [UInt8] = [], primaryJob: [UInt8] = [], topicMask: [UInt64] = []
        var resolvedMask: [UInt64] = [], industryMask: [UInt64] = [], flags: [Flags] = []
        var publishedDay: [Int] = [], reviewDay: [Int] = []
        roleMask.reserveCapacity(count)
        jobMask.reserveCapacity(count)
        // Fields are read through the array, never by copying a whole asset out of it.
        for index in assets.indices {
            roleMask.append(mask(assets[index].roles, roleBit))
            jobMask.append(assets[index].jobs.reduce(UInt8(0)) { $0 | MatchTable.bit($1) })
            primaryJob.append(assets[index].primaryJob.map(MatchTable.bit) ?? 0)
            topicMask.append(mask(assets[index].topics, topicBit))
            resolvedMask.append(mask(assets[index].resolves.map(\.topic), topicBit))
            industryMask.append(mask(assets[index].industries, industryBit))
            var flag: Flags = []
            if assets[index].shareable || assets[index].roles.isEmpty { flag.insert(.reachesEveryone) }
            if assets[index].shareable { flag.insert(.shareable) }
            if assets[index].channel == .repLed { flag.insert(.repLed) }
            if !assets[index].industries.isEmpty { flag.insert(.hasIndustries) }
            flags.append(flag)
            publishedDay.append(assets[index].published?.ordinal ?? Int.min)
            reviewDay.append(assets[index].reviewBy?.ordinal ?? Int.max)
            for resolution in assets[index].resolves {
                resolutionTopic.append(MatchTable.bit(resolution.topic, in: topicBit))
                resolutionPositions.append(mask(resolution.positions, positionBit))
                resolutionAll.append(resolution.positions.isEmpty)
            }
            resolutionStart.append(resolutionTopic.count)
        }
        self.resolutionStart = resolutionStart
        self.resolutionTopic = resolutionTopic
        self.resolutionPositions = resolutionPositions
        self.resolutionAll = resolutionAll
        self.roleMask = roleMask
        self.jobMask = jobMask
        self.primaryJob = primaryJob
        self.topicMask = topicMask
        self.resolvedMask = resolvedMask
        self.industryMask = industryMask
        self.flags = flags
        self.publishedDay = publishedDay
        self.reviewDay = reviewDay
    }

    static func bit(_ job: BuyingJob) -> UInt8 { UInt8(1) << UInt8(BuyingJob.allCases.firstIndex(of: job)!) }

    /// The bit of a role, topic or industry, or 0 when no asset carries it.
    static func bit(_ name: String?, in bits: [String: Int]?) -> UInt64 {
        guard let name, let bit = bits?[name] else { return 0 }
        return UInt64(1) << UInt64(bit)
    }

    /// Live on `day` (the index holds published assets only): out by then and not past review.
    func isLive(_ position: Int, on day: Int) -> Bool {
        publishedDay[position] <= day && day <= reviewDay[position]
    }
}
