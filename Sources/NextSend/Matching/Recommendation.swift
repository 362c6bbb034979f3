/// One asset to send, to whom, for which needs, and why.
public struct Recommendation: Sendable, Hashable {
    /// One named part of a score, for `next --explain`.
    public struct ScorePart: Sendable, Hashable {
        public var name: String
        /// A need's contribution (added) or a factor (multiplied), as `kind` says.
        public var value: Double
        public var kind: Kind
        public var detail: String

        public enum Kind: String, Sendable, Hashable {
            case need, factor
        }
    }

    public var rank: Int
    public var asset: Asset
    /// Stakeholder ids, sorted.
    public var sendTo: [String]
    /// The needs served, most served first.
    public var addresses: [Need.Kind]
    public var score: Double
    public var breakdown: [ScorePart]
    /// One plain sentence naming the people and the need.
    public var reason: String
}

/// How the matcher chooses.
public struct MatchOptions: Sendable, Hashable {
    /// How many recommendations at most.
    public var limit: Int
    /// Only recommend what can go to this stakeholder, and only to them.
    public var onlyTo: String?
    /// A person who got an asset within this many days does not get it again.
    public var resendWindowDays: Int
    /// What a served need keeps of its weight after each pick (greedy discounting).
    public var servedNeedDiscount: Double
    /// Score every candidate instead of stopping at the bound; the picks are the same, only slower.
    /// For verifying the pruning.
    public var exhaustive: Bool

    public init(limit: Int = 5, onlyTo: String? = nil, resendWindowDays: Int = 30, servedNeedDiscount: Double = 0.25,
                exhaustive: Bool = false) {
        self.limit = limit
        self.onlyTo = onlyTo
        self.resendWindowDays = resendWindowDays
        self.servedNeedDiscount = servedNeedDiscount
        self.exhaustive = exhaustive
    }
}
