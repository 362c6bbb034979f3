import NextSend

/// A row of `asset`; tags live in their own tables (`assetJob`, `assetRole`, …).
struct AssetRecord: Sendable {
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

extension AssetRecord {
    init(row: SQLRow) throws {
        self.init(id: try row.string("id"), title: try row.string("title"), summary: row.optionalString("summary"),
                  url: row.optionalString("url"), format: try row.string("format"), shareable: row.bool("shareable"),
                  channel: try row.string("channel"), minutes: row.optionalInt("minutes"), published: row.optionalString("published"),
                  reviewBy: row.optionalString("reviewBy"), owner: row.optionalString("owner"), status: try row.string("status"),
                  body: try row.string("body"), path: row.optionalString("path"))
    }

    static let columns = ["id", "title", "summary", "url", "format", "shareable", "channel", "minutes", "published", "reviewBy",
                          "owner", "status", "body", "path"]

    var values: SQLArguments {
        [id, title, summary, url, format, shareable, channel, minutes, published, reviewBy, owner, status, body, path]
    }
}

extension AssetRecord {
    init(_ asset: Asset, path: String?) {
        self.init(id: asset.id, title: asset.title, summary: asset.summary, url: asset.url, format: asset.format,
                  shareable: asset.shareable, channel: asset.channel.rawValue, minutes: asset.minutes,
                  published: asset.published?.description, reviewBy: asset.reviewBy?.description, owner: asset.owner,
                  status: asset.status.rawValue, body: asset.body, path: path)
    }

    /// Rebuilds the asset from its row and its tag rows (already in position order).
    ///
    /// - Throws: ``StoreError`` (`damaged`) when a stored value is not one NextSend writes.
    func asset(jobs: [String], roles: [String], topics: [String], industries: [String],
               resolves: [Asset.Resolution]) throws -> Asset {
        guard let status = Asset.Status(rawValue: status) else {
            throw StoreError.unreadableRow("asset", id, "status '\(self.status)' is not draft, published or retired")
        }
        return Asset(id: id, title: title, summary: summary, url: url, format: format,
                     jobs: try StoredValues.jobs(jobs, asset: id), roles: roles, topics: topics, resolves: resolves,
                     shareable: shareable, channel: try StoredValues.channel(channel, asset: id), minutes: minutes,
                     industries: industries, published: try StoredValues.day(published, "published", asset: id),
                     reviewBy: try StoredValues.day(reviewBy, "reviewBy", asset: id), owner: owner, status: status, body: body)
    }
}

/// Reads stored asset values strictly: a value NextSend never writes means the row was changed
/// elsewhere or is damaged, and is reported, never replaced by a default.
enum StoredValues {
    static func jobs(_ values: [String], asset: String) throws -> [BuyingJob] {
        try values.map { value in
            guard let job = BuyingJob(rawValue: value) else { throw StoreError.unreadableRow("assetJob", asset, "'\(value)' is not a buying job") }
            return job
        }
    }

    static func channel(_ value: String, asset: String) throws -> Asset.Channel {
        guard let channel = Asset.Channel(rawValue: value) else {
            throw StoreError.unreadableRow("asset", asset, "channel '\(value)' is not self-serve, rep-led or either")
        }
        return channel
    }

    static func day(_ value: String?, _ field: String, asset: String) throws -> Day? {
        guard let value else { return nil }
        guard let day = Day(value) else { throw StoreError.unreadableRow("asset", asset, "\(field) '\(value)' is not a day") }
        return day
    }
}
