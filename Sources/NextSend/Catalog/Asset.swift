import Foundation

/// One piece of enablement content in the catalog: a case study, a TCO tool, a security FAQ.
///
/// Its tags (jobs, roles, topics, `resolves`) say which buying jobs, people and disagreements it
/// serves; the matcher reads nothing else.
public struct Asset: Sendable, Hashable, Codable, Identifiable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case draft, published, retired
    }

    /// How the asset reaches buyers: on their own, through a rep, or either.
    public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
        case selfServe = "self-serve"
        case repLed = "rep-led"
        case either
    }

    /// A disagreement this asset helps reconcile: any conflict on `topic`, or only one between `positions`.
    public struct Resolution: Sendable, Hashable, Codable {
        public var topic: String
        /// Empty: any conflict on the topic.
        public var positions: [String]

        public init(topic: String, positions: [String] = []) {
            self.topic = topic
            self.positions = positions
        }
    }

    /// The file name without `.md`.
    public var id: String
    public var title: String
    public var summary: String?
    public var url: String?
    public var format: String
    /// The first job is the primary one.
    public var jobs: [BuyingJob]
    public var roles: [String]
    public var topics: [String]
    public var resolves: [Resolution]
    /// Made to be passed around the whole buying group.
    public var shareable: Bool
    public var channel: Channel
    public var minutes: Int?
    /// Empty: any industry.
    public var industries: [String]
    public var published: Day?
    /// Past this day the asset is expired and never recommended.
    public var reviewBy: Day?
    public var owner: String?
    public var status: Status
    /// The Markdown body, for search.
    public var body: String

    public init(id: String, title: String, summary: String? = nil, url: String? = nil, format: String,
                jobs: [BuyingJob], roles: [String] = [], topics: [String] = [], resolves: [Resolution] = [],
                shareable: Bool = false, channel: Channel = .either, minutes: Int? = nil, industries: [String] = [],
                published: Day? = nil, reviewBy: Day? = nil, owner: String? = nil, status: Status = .published,
                body: String = "") {
        self.id = id
        self.title = title
        self.summary = summary
        self.url = url
        self.format = format
        self.jobs = jobs
        self.roles = roles
        self.topics = topics
        self.resolves = resolves
        self.shareable = shareable
        self.channel = channel
        self.minutes = minutes
        self.industries = industries
        self.published = published
        self.reviewBy = reviewBy
        self.owner = owner
        self.status = status
        self.body = body
    }

    public var primaryJob: BuyingJob? { jobs.first }

    /// Set to `true` in an encoder's `userInfo` to leave the body out (listings of many assets).
    public static let omitBodyKey = CodingUserInfoKey(rawValue: "NextSend.Asset.omitBody")!

    enum CodingKeys: String, CodingKey {
        case id, title, summary, url, format, jobs, roles, topics, resolves, shareable, channel, minutes, industries
        case published, reviewBy, owner, status, body
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encodeIfPresent(summary, forKey: .summary)
        try container.encodeIfPresent(url, forKey: .url)
        try container.encode(format, forKey: .format)
        try container.encode(jobs, forKey: .jobs)
        try container.encode(roles, forKey: .roles)
        try container.encode(topics, forKey: .topics)
        try container.encode(resolves, forKey: .resolves)
        try container.encode(shareable, forKey: .shareable)
        try container.encode(channel, forKey: .channel)
        try container.encodeIfPresent(minutes, forKey: .minutes)
        try container.encode(industries, forKey: .industries)
        try container.encodeIfPresent(published, forKey: .published)
        try container.encodeIfPresent(reviewBy, forKey: .reviewBy)
        try container.encodeIfPresent(owner, forKey: .owner)
        try container.encode(status, forKey: .status)
        if encoder.userInfo[Asset.omitBodyKey] as? Bool != true {
            try container.encode(body, forKey: .body)
        }
    }

    /// Expired once `asOf` is past `reviewBy`.
    public func isExpired(asOf: Day) -> Bool {
        guard let reviewBy else { return false }
        return asOf > reviewBy
    }

    /// Published and not expired: the only assets anyone should send.
    public func isLive(asOf: Day) -> Bool { status == .published && !isExpired(asOf: asOf) }
}
