import NextSend

/// Which assets `catalog list` shows. Every criterion set must hold.
public struct AssetFilter: Sendable, Hashable {
    public var job: BuyingJob?
    public var role: String?
    public var topic: String?
    public var format: String?
    public var status: Asset.Status?
    /// Full-text search over title, summary and body; results then come best match first.
    public var search: String?

    public init(job: BuyingJob? = nil, role: String? = nil, topic: String? = nil, format: String? = nil,
                status: Asset.Status? = nil, search: String? = nil) {
        self.job = job
        self.role = role
        self.topic = topic
        self.format = format
        self.status = status
        self.search = search
    }
}

/// What `catalog import` changed.
public struct CatalogImportSummary: Sendable, Hashable, Codable {
    public var added: [String] = []
    public var updated: [String] = []
    /// Assets no longer in the folder, now marked retired.
    public var retired: [String] = []
    public var unchanged: Int = 0
    /// Assets of the folder that are drafts (added, updated or unchanged): stored, never recommended.
    public var drafts: [String] = []
    /// Facts naming values the new taxonomy dropped, retracted because the import allowed it.
    public var retractedOrphans = OrphanFacts()
    /// A plan only: nothing was written.
    public var dryRun = false

    public init() {}
}
