import GRDB
import NextSend

/// A row of `asset`; tags live in their own tables (`assetJob`, `assetRole`, …).
struct AssetRecord: Codable, Sendable {
    var id: String
    var title: String
    var summary: String?
    var url: String?
    var format: String
    var shareable: Bool
    var channel: String
    var minutes: Int?
    var published: String?
    var reviewBy: String?
    var owner: String?
    var status: String
    var body: String
    var path: String?
}

extension AssetRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "asset"
}

/// One row of a tag table (`assetJob`, `assetRole`, `assetTopic`, `assetIndustry`).
struct AssetTagRow: Codable, Sendable, FetchableRecord {
    var assetId: String
    var value: String
    var position: Int
}

/// One `resolves` entry with its positions, flattened.
struct AssetResolveRow: Codable, Sendable, FetchableRecord {
    var assetId: String
    var ordinal: Int
    var topic: String
    var position: String?
}

extension AssetRecord {
    init(_ asset: Asset, path: String?) {
        self.init(id: asset.id, title: asset.title, summary: asset.summary, url: asset.url, format: asset.format,
                  shareable: asset.shareable, channel: asset.channel.rawValue, minutes: asset.minutes,
                  published: asset.published?.description, reviewBy: asset.reviewBy?.description, owner: asset.owner,
                  status: asset.status.rawValue, body: asset.body, path: path)
    }

    /// Rebuilds the asset from its row and its tag rows (already in position order).
    func asset(jobs: [String], roles: [String], topics: [String], industries: [String],
               resolves: [Asset.Resolution]) -> Asset {
        Asset(id: id, title: title, summary: summary, url: url, format: format,
              jobs: jobs.compactMap(BuyingJob.init(rawValue:)), roles: roles, topics: topics, resolves: resolves,
              shareable: shareable, channel: Asset.Channel(rawValue: channel) ?? .either, minutes: minutes,
              industries: industries, published: published.flatMap(Day.init), reviewBy: reviewBy.flatMap(Day.init),
              owner: owner, status: Asset.Status(rawValue: status) ?? .draft, body: body)
    }
}
