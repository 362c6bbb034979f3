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
    /// What followed earlier sends of this asset for the first need it addresses, when there are any.
    public var evidence: Evidence?

    /// Outcome history behind a pick: `sends` followed up, `successes` met within the window, and
    /// the score `factor` they earn (1 below the evidence threshold).
    public struct Evidence: Sendable, Hashable, Encodable {
        public var sends: Int
        public var successes: Int
        public var factor: Double
    }
}

/// What one request asks of the matcher; the weights themselves are in ``ScoringPolicy``.
public struct MatchOptions: Sendable, Hashable {
    /// How many recommendations at most.
    public var limit: Int
    /// Only recommend what can go to this stakeholder, and only to them.
    public var onlyTo: String?
    /// The weights, factors and windows to score with.
    public var policy: ScoringPolicy
    /// What followed earlier sends of each asset, per kind of need.
    public var evidence: OutcomeEvidence
    /// Score every candidate instead of stopping at the bound; the picks are the same, only slower.
    /// For verifying the pruning.
    public var exhaustive: Bool
    /// Whether the pass over the catalog may take a second core; the picks are the same either way.
    public var threads: PassThreads

    public init(limit: Int = 5, onlyTo: String? = nil, policy: ScoringPolicy = .standard, evidence: OutcomeEvidence = .none,
                exhaustive: Bool = false, threads: PassThreads = .whenAlone) {
        self.limit = limit
        self.onlyTo = onlyTo
        self.policy = policy
        self.evidence = evidence
        self.exhaustive = exhaustive
        self.threads = threads
    }
}

/// How many threads one group's pass over the catalog may use.
public enum PassThreads: Sendable, Hashable {
    /// Two, on a machine with a second core and a catalog of at least 4,096 assets, when no other
    /// group is in its pass at that moment (a `next` call, a request on its own); else one.
    case whenAlone
    /// One: for batch work that keeps every core busy with groups of its own (the digest).
    case one
    /// Two whenever the catalog has assets in both halves, whatever else runs (for tests).
    case two
}
