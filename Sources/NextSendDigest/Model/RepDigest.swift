import NextSend

/// One rep's weekly digest: their groups, most urgent first.
///
/// The same value is rendered as Markdown and HTML (through the templates) and encoded as JSON,
/// so every format says the same thing.
public struct RepDigest: Sendable, Hashable, Encodable {
    public var rep: String
    public var week: String
    public var weekStart: String
    public var asOf: String
    /// One line: "3 groups: 2 with open conflicts, 1 with a stalled job."
    public var summary: String
    public var groups: [GroupSection]
}

/// One group in a rep's digest.
public struct GroupSection: Sendable, Hashable, Encodable {
    public struct JobRow: Sendable, Hashable, Encodable {
        public var job: String
        public var label: String
        public var status: String
        public var statusLabel: String
        /// "12 days", or "-" for a job never started.
        public var idle: String
        public var idleDays: Int?
        public var loops: Int
        /// ", reopened 2×", or nil for a job that never looped.
        public var reopened: String?
        public var stallDays: Int
        /// Badge colours for the HTML.
        public var background: String
        public var foreground: String
    }

    public struct ConflictRow: Sendable, Hashable, Encodable {
        public var topic: String
        public var label: String
        /// "Dana Reyes (finance): $120,000 vs Lee Park (IT): $310,000"
        public var text: String
        public var positions: [DiagnosisReport.Side]
    }

    public struct RecommendationRow: Sendable, Hashable, Encodable {
        public var rank: Int
        public var asset: String
        public var title: String
        public var url: String
        /// Names for people: "Dana Reyes (finance) and Lee Park (IT)" (``PickRow/sendTo``).
        public var sendTo: String
        public var sendToIds: [String]
        public var reason: String
        public var score: Double
    }

    /// One week of the group's trend, laid out as a bar for mail clients (which drop SVG): `bar`
    /// pixels of colour under `space` pixels of nothing, `marked` when something was sent.
    public struct TrendBar: Sendable, Hashable, Encodable {
        public var week: String
        public var short: String
        public var open: Int
        public var sends: Int
        public var bar: Int
        public var space: Int
        public var marked: Bool
    }

    public var rank: Int
    public var id: String
    public var account: String
    public var urgency: Double
    /// "1 open conflict, validation stalled, 2 people not reached."
    public var headline: String
    public var jobs: [JobRow]
    public var conflicts: [ConflictRow]
    public var stalled: [JobRow]
    public var unengaged: [String]
    /// "Procurement on supplier selection — ask Mei Tanaka (operations) who speaks for procurement".
    public var missingVoices: [String]
    /// `converging`, `stuck` or `diverging`, and the same in a sentence.
    public var direction: String
    public var directionText: String
    /// Twelve weeks, oldest first.
    public var trend: [TrendBar]
    /// The trend on one line for Markdown: "W37 4 · W38 1 · … · W48 2 (▲ weeks with sends)".
    public var trendRow: String
    /// Plain sentences: "Conflict opened on three-year cost.", "Sent tco-model to Dana (consumed)."
    public var changes: [String]
    public var recommendations: [RecommendationRow]
    /// What the rep reads when nothing is picked (`nil` when something is).
    public var nothingToSend: String?
}
