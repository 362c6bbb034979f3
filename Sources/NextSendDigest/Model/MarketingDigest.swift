import NextSend

/// Marketing's weekly digest: the content backlog, what expires, what helped, and coverage.
public struct MarketingDigest: Sendable, Hashable, Encodable {
    /// A need that no asset serves, or serves weakly, and how many groups have it.
    public struct Gap: Sendable, Hashable, Encodable {
        /// `conflict:tco`, `stalled-job:validation`, `unengaged-role:legal`.
        public var key: String
        public var kind: String
        public var label: String
        public var groups: Int
        /// Up to five of the groups, for follow-up.
        public var examples: [String]
        public var bestAsset: String?
        /// The best asset's fit, 0…1, in the group where it fits least.
        public var strength: Double
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
