import NextSend

/// Marketing's weekly digest: the content backlog, what expires, what helped, and coverage.
public struct MarketingDigest: Sendable, Hashable, Encodable {
    /// A need that no asset serves, or serves weakly, and how many groups have it.
    public struct Gap: Sendable, Hashable, Encodable {
        /// A group that has the gap, and its rep.
        public struct GroupRef: Sendable, Hashable, Encodable {
            public var group: String
            public var rep: String
        }

        /// How many of the gap's groups are in one industry.
        public struct Count: Sendable, Hashable, Encodable {
            public var value: String
            public var count: Int
        }

        /// `conflict:tco`, `stalled-job:validation`, `unengaged-role:legal`.
        public var key: String
        public var kind: String
        public var label: String
        public var groups: Int
        /// Up to five of the groups' ids, weakest fit first, then by id.
        public var examples: [String]
        /// The same groups with their reps.
        public var named: [GroupRef]
        public var bestAsset: String?
        /// The best asset's format ("guide", "deck").
        public var bestFormat: String?
        /// The best asset's fit, 0…1, in the group where it fits least.
        public var strength: Double
        /// Why the best asset falls short there, in words; what to write differently.
        public var why: [String]
        /// The shortfalls joined; `nil` when there are none (every text below likewise).
        public var whyText: String?
        /// The groups' industries, most groups first (groups without one are not counted).
        public var industries: [Count]
        /// The roles the need concerns, across its groups, as they read.
        public var roles: [String]
        /// Groups that had it on the Sunday before (`nil` without a trend).
        public var previousGroups: Int?
        /// "new this week", "2 more groups than last week", or `nil` when unchanged or without a trend.
        public var change: String?
        /// What reps said dismissing picks in these groups that points at this gap.
        public var repsSaid: [String] = [] { didSet { repsSaidText = repsSaid.isEmpty ? nil : repsSaid.joined(separator: "; ") } }

        // The same, as the digest's lines read them.
        /// "Settling a split on contract term — 3 groups (new this week)".
        public var heading = ""
        /// "mercy-valley-health (alice@vendor.example), … and 2 more".
        public var groupsText = ""
        /// "behavioral-health 2, hospital-system 1".
        public var industriesText: String?
        public var rolesText: String?
        public var repsSaidText: String?
    }

    /// The backlog against the week before: gaps seen now and not then, and the other way round.
    public struct GapTrend: Sendable, Hashable, Encodable {
        /// The Sunday compared with.
        public var since: String
        public var opened: [String]
        public var closed: [String]
        /// "2 gaps opened and 1 closed since 2026-11-22." or "No gap opened or closed since …".
        public var summary: String
        /// The summary with what opened and closed: "… Opened: A; B. Closed: C."
        public var text: String
    }

    /// Dismissal reasons that say the same thing in different words, counted together.
    public struct ReasonGroup: Sendable, Hashable, Encodable {
        /// The wording given most often (ties: the shortest, then in word order).
        public var reason: String
        public var count: Int
        /// Every wording, in word order.
        public var variants: [String]
        public var assets: [String]
        public var groups: [String]
        /// The keys of the gaps of the same groups these reasons point at: they name what the gap
        /// is about or what its closest asset lacks ("no behavioral health edition").
        public var gaps: [String]
        /// "“no behavioral health edition” (3 dismissals)".
        public var said: String
        /// The other wordings, quoted: "“needs a behavioral health version”".
        public var variantsText: String?
        public var assetsText: String
        /// The labels of the gaps it points at.
        public var gapsText: String?
    }

    public struct Expiring: Sendable, Hashable, Encodable {
        public var asset: String
        public var title: String
        public var owner: String
        public var reviewBy: String
        public var daysLeft: Int
        /// "expires in 11 days" or "expired 3 days ago".
        public var state: String
    }

    public struct Effect: Sendable, Hashable, Encodable {
        public var asset: String
        public var title: String
        public var sent: Int
        public var consumed: Int
        public var conflictsAddressed: Int
        public var conflictsClosed: Int
        /// Still inside their follow-up window and not met yet: not counted as failures.
        public var conflictsPending: Int
        public var jobsAddressed: Int
        public var jobsMoved: Int
        public var jobsPending: Int

        /// "1 of 2 (1 pending)": met of addressed, and how many are still inside their window.
        public var conflictsText: String { Effect.text(conflictsClosed, of: conflictsAddressed, pending: conflictsPending) }
        public var jobsText: String { Effect.text(jobsMoved, of: jobsAddressed, pending: jobsPending) }

        static func text(_ met: Int, of addressed: Int, pending: Int) -> String {
            "\(met) of \(addressed)" + (pending > 0 ? " (\(pending) pending)" : "")
        }

        enum CodingKeys: String, CodingKey {
            case asset, title, sent, consumed, conflictsAddressed, conflictsClosed, conflictsPending, jobsAddressed, jobsMoved, jobsPending,
                 conflictsText, jobsText
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(asset, forKey: .asset)
            try container.encode(title, forKey: .title)
            try container.encode(sent, forKey: .sent)
            try container.encode(consumed, forKey: .consumed)
            try container.encode(conflictsAddressed, forKey: .conflictsAddressed)
            try container.encode(conflictsClosed, forKey: .conflictsClosed)
            try container.encode(conflictsPending, forKey: .conflictsPending)
            try container.encode(jobsAddressed, forKey: .jobsAddressed)
            try container.encode(jobsMoved, forKey: .jobsMoved)
            try container.encode(jobsPending, forKey: .jobsPending)
            try container.encode(conflictsText, forKey: .conflictsText)
            try container.encode(jobsText, forKey: .jobsText)
        }
    }

    /// An asset reps dismissed as a pick, how often, and why: one entry per reason given.
    public struct Dismissed: Sendable, Hashable, Encodable {
        /// One reason (or none given), how often, where, by whom and when last.
        public struct Reason: Sendable, Hashable, Encodable {
            /// The reason as typed; `nil` when the rep gave none.
            public var reason: String?
            public var count: Int
            /// Groups whose reps gave it, sorted.
            public var groups: [String]
            /// Reps who gave it (the groups' owners), sorted.
            public var reps: [String]
            /// The last day it was given.
            public var latest: String
        }

        public var asset: String
        public var title: String
        public var count: Int
        /// Most given first, then by text; the reason-less last among equals.
        public var reasons: [Reason]
    }

    public struct Coverage: Sendable, Hashable, Encodable {
        public struct Cell: Sendable, Hashable, Encodable {
            public var role: String
            public var count: Int
            /// The count, or "—" for an empty cell.
            public var display: String
        }

        public struct Row: Sendable, Hashable, Encodable {
            public var job: String
            public var label: String
            public var cells: [Cell]
        }

        public var roles: [String]
        public var rows: [Row]
        public var emptyCount: Int
    }

    public var week: String
    public var weekStart: String
    public var asOf: String
    public var groupCount: Int
    public var liveAssets: Int
    public var gaps: [Gap]
    /// Gaps opened and closed since the week before (`nil` when not worked out).
    public var gapTrend: GapTrend?
    /// Dismissal reasons grouped by their words, most given first.
    public var reasonGroups: [ReasonGroup]
    /// Published assets whose review falls within 30 days either side of the day: those to act on now.
    public var expiring: [Expiring]
    /// Published assets whose review date passed more than 30 days ago: no longer recommended, counted
    /// rather than listed week after week.
    public var expiredEarlier: Int
    /// Sends from this day on are in ``effectiveness``.
    public var outcomesFrom: String
    public var effectiveness: [Effect]
    /// Picks reps said no to in the same period, most dismissed first.
    public var dismissals: [Dismissed]
    public var coverage: Coverage
}
