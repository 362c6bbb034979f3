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

    /// The fields, kept in one shared box: the matcher and the digest hand assets around by the
    /// thousand, and copying a struct of a dozen strings and arrays cost a dozen reference counts
    /// per copy — atomic ones, contended when two workers copy the same popular asset (a fifth of
    /// a large digest's time). A copy now costs one; a change copies the box first if it is shared.
    private struct Fields: Hashable, Codable {
        var id: String
        var title: String
        var summary: String?
        var url: String?
        var format: String
        var jobs: [BuyingJob]
        var roles: [String]
        var topics: [String]
        var resolves: [Resolution]
        var shareable: Bool
        var channel: Channel
        var minutes: Int?
        var industries: [String]
        var published: Day?
        var reviewBy: Day?
        var owner: String?
        var status: Status
        var body: String
    }

    private final class Storage: @unchecked Sendable {
        // Only ever changed while uniquely referenced (see `fields`), so sharing it is safe.
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    private var fields: Fields {
        get { storage.fields }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            yield &storage.fields
        }
    }

    /// The file name without `.md`.
    public var id: String {
        get { storage.fields.id }
        set { fields.id = newValue }
    }
    public var title: String {
        get { storage.fields.title }
        set { fields.title = newValue }
    }
    public var summary: String? {
        get { storage.fields.summary }
        set { fields.summary = newValue }
    }
    public var url: String? {
        get { storage.fields.url }
        set { fields.url = newValue }
    }
    public var format: String {
        get { storage.fields.format }
        set { fields.format = newValue }
    }
    /// The first job is the primary one.
    public var jobs: [BuyingJob] {
        get { storage.fields.jobs }
        set { fields.jobs = newValue }
    }
    public var roles: [String] {
        get { storage.fields.roles }
        set { fields.roles = newValue }
    }
    public var topics: [String] {
        get { storage.fields.topics }
        set { fields.topics = newValue }
    }
    public var resolves: [Resolution] {
        get { storage.fields.resolves }
        set { fields.resolves = newValue }
    }
    /// Made to be passed around the whole buying group.
    public var shareable: Bool {
        get { storage.fields.shareable }
        set { fields.shareable = newValue }
    }
    public var channel: Channel {
        get { storage.fields.channel }
        set { fields.channel = newValue }
    }
    public var minutes: Int? {
        get { storage.fields.minutes }
        set { fields.minutes = newValue }
    }
    /// Empty: any industry.
    public var industries: [String] {
        get { storage.fields.industries }
        set { fields.industries = newValue }
    }
    public var published: Day? {
        get { storage.fields.published }
        set { fields.published = newValue }
    }
    /// Past this day the asset is expired and never recommended.
    public var reviewBy: Day? {
        get { storage.fields.reviewBy }
        set { fields.reviewBy = newValue }
    }
    public var owner: String? {
        get { storage.fields.owner }
        set { fields.owner = newValue }
    }
    public var status: Status {
        get { storage.fields.status }
        set { fields.status = newValue }
    }
    /// The Markdown body, for search.
    public var body: String {
        get { storage.fields.body }
        set { fields.body = newValue }
    }

    public init(id: String, title: String, summary: String? = nil, url: String? = nil, format: String,
                jobs: [BuyingJob], roles: [String] = [], topics: [String] = [], resolves: [Resolution] = [],
                shareable: Bool = false, channel: Channel = .either, minutes: Int? = nil, industries: [String] = [],
                published: Day? = nil, reviewBy: Day? = nil, owner: String? = nil, status: Status = .published,
                body: String = "") {
        storage = Storage(Fields(id: id, title: title, summary: summary, url: url, format: format, jobs: jobs, roles: roles,
                                 topics: topics, resolves: resolves, shareable: shareable, channel: channel, minutes: minutes,
                                 industries: industries, published: published, reviewBy: reviewBy, owner: owner,
                                 status: status, body: body))
    }

    public init(from decoder: any Decoder) throws { storage = Storage(try Fields(from: decoder)) }

    public static func == (lhs: Asset, rhs: Asset) -> Bool { lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields }

    public func hash(into hasher: inout Hasher) { storage.fields.hash(into: &hasher) }

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
    /// Published, out by `asOf` (an asset whose `published` day is later is not out yet), and not
    /// past its review date.
    public func isLive(asOf: Day) -> Bool { status == .published && (published.map { $0 <= asOf } ?? true) && !isExpired(asOf: asOf) }
}
