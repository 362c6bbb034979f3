/// The shared vocabulary marketers tag with and buying groups are described in.
///
/// Loaded from `content/taxonomy.yaml` with ``TaxonomyParser``, stored beside the catalog, and
/// used to validate every asset and every group.
public struct Taxonomy: Sendable, Hashable, Codable {
    public var roles: [String]
    /// Weight of each stakeholder influence (`decision-maker: 1.0`).
    public var influence: [String: Double]
    public var formats: [String]
    /// Days without an event after which an active job counts as stalled.
    public var defaultStallDays: Int
    public var stallDays: [BuyingJob: Int]
    /// Topics in id order.
    public var topics: [Topic]
    /// Industries assets and groups may name; empty means any.
    public var industries: [String]
    /// How roles read in sentences (`it: IT`); see ``Vocabulary/role(_:)``.
    public var roleLabels: [String: String]
    /// The roles that usually weigh in on each buying job (`validation: [it, security]`): a job under
    /// way with nobody in one of them has a missing voice (see ``Need/Kind/missingVoice(job:role:)``).
    public var voices: [BuyingJob: [String]]

    public init(roles: [String], influence: [String: Double], formats: [String], defaultStallDays: Int = 14,
                stallDays: [BuyingJob: Int] = [:], topics: [Topic], industries: [String] = [], roleLabels: [String: String] = [:],
                voices: [BuyingJob: [String]] = [:]) {
        self.roles = roles
        self.influence = influence
        self.formats = formats
        self.defaultStallDays = defaultStallDays
        self.stallDays = stallDays
        self.topics = topics.sorted { $0.id < $1.id }
        self.industries = industries
        self.roleLabels = roleLabels
        self.voices = voices
    }

    public func topic(_ id: String) -> Topic? { topics.first { $0.id == id } }

    public func stallThreshold(for job: BuyingJob) -> Int { stallDays[job] ?? defaultStallDays }

    /// Influence weight of a stakeholder; unknown influences weigh like the lightest known one.
    public func weight(ofInfluence influence: String) -> Double {
        self.influence[influence] ?? (self.influence.values.min() ?? 0.5)
    }

    enum CodingKeys: String, CodingKey {
        case roles, influence, formats, defaultStallDays, stallDays, topics, industries, roleLabels, voices
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        roles = try container.decode([String].self, forKey: .roles)
        influence = try container.decode([String: Double].self, forKey: .influence)
        formats = try container.decode([String].self, forKey: .formats)
        defaultStallDays = try container.decode(Int.self, forKey: .defaultStallDays)
        let byName = try container.decode([String: Int].self, forKey: .stallDays)
        stallDays = Dictionary(uniqueKeysWithValues: byName.compactMap { key, days in BuyingJob(rawValue: key).map { ($0, days) } })
        topics = try container.decode([Topic].self, forKey: .topics)
        industries = try container.decode([String].self, forKey: .industries)
        // Taxonomies stored before role labels existed have none.
        roleLabels = try container.decodeIfPresent([String: String].self, forKey: .roleLabels) ?? [:]
        // Nor voices, before missing voices were looked for.
        let voicesByName = try container.decodeIfPresent([String: [String]].self, forKey: .voices) ?? [:]
        voices = Dictionary(uniqueKeysWithValues: voicesByName.compactMap { key, roles in BuyingJob(rawValue: key).map { ($0, roles) } })
    }

    /// Stall days are keyed by the job's id, so sorted-key JSON is the same bytes in every run
    /// (a dictionary keyed by an enum would encode as a list in hash order).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(roles, forKey: .roles)
        try container.encode(influence, forKey: .influence)
        try container.encode(formats, forKey: .formats)
        try container.encode(defaultStallDays, forKey: .defaultStallDays)
        try container.encode(Dictionary(uniqueKeysWithValues: stallDays.map { ($0.key.rawValue, $0.value) }), forKey: .stallDays)
        try container.encode(topics, forKey: .topics)
        try container.encode(industries, forKey: .industries)
        if !roleLabels.isEmpty { try container.encode(roleLabels, forKey: .roleLabels) }
        if !voices.isEmpty { try container.encode(Dictionary(uniqueKeysWithValues: voices.map { ($0.key.rawValue, $0.value) }), forKey: .voices) }
    }

    /// Influence names, heaviest first, for messages.
    public var influenceNames: [String] {
        influence.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }
}
