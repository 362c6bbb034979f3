/// A subject buyers hold information about, and on which they can disagree.
///
/// A `choice` topic has named positions (`deployment: on-prem-required`); a `number` topic holds
/// figures (`tco: 310000`) that conflict when they are further apart than the tolerance.
public struct Topic: Sendable, Hashable, Codable, Identifiable {
    public enum Kind: Sendable, Hashable, Codable {
        /// Positions, and the pairs of positions that are not a conflict.
        case choice(positions: [String], compatible: [[String]])
        /// A unit for display and the relative gap above which two figures conflict.
        case number(unit: String?, tolerance: Double)
    }

    public var id: String
    public var label: String
    public var kind: Kind
    /// The buying jobs this topic is worked out in.
    public var jobs: [BuyingJob]
    /// How people speak of the topic in notes, e-mails and calls (`says:`): for a number topic, the
    /// phrases that name it; for a choice topic, the phrases that name each position, keyed by
    /// position. Read by ``NoteReader``; empty means the topic is never read from text.
    public var says: [String: [String]]

    /// The key of a number topic's phrases in ``says``.
    public static let topicPhrases = ""

    public init(id: String, label: String? = nil, kind: Kind, jobs: [BuyingJob] = [], says: [String: [String]] = [:]) {
        self.id = id
        self.label = label ?? id
        self.kind = kind
        self.jobs = jobs
        self.says = says
    }

    enum CodingKeys: String, CodingKey { case id, label, kind, jobs, says }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        label = try container.decode(String.self, forKey: .label)
        kind = try container.decode(Kind.self, forKey: .kind)
        jobs = try container.decode([BuyingJob].self, forKey: .jobs)
        // Taxonomies stored before `says:` existed have none.
        says = try container.decodeIfPresent([String: [String]].self, forKey: .says) ?? [:]
    }

    /// Without phrases, a topic encodes to the bytes it always did, so a stored catalog's version
    /// does not change when nothing about it did.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(label, forKey: .label)
        try container.encode(kind, forKey: .kind)
        try container.encode(jobs, forKey: .jobs)
        if !says.isEmpty { try container.encode(says, forKey: .says) }
    }

    public var positions: [String] {
        if case let .choice(positions, _) = kind { return positions }
        return []
    }

    public var isNumber: Bool {
        if case .number = kind { return true }
        return false
    }

    /// Whether two positions can be held at once without a conflict. Symmetric, and reflexive.
    public func areCompatible(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard case let .choice(_, compatible) = kind else { return false }
        return compatible.contains { pair in pair.contains(a) && pair.contains(b) }
    }

    /// Whether two figures are close enough to agree: |a − b| / max(|a|, |b|) ≤ tolerance.
    public func areCompatible(_ a: Double, _ b: Double) -> Bool {
        guard case let .number(_, tolerance) = kind else { return a == b }
        let scale = max(abs(a), abs(b))
        if scale == 0 { return true }
        return abs(a - b) / scale <= tolerance
    }
}
