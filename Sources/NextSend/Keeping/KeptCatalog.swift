/// What a `next` call needs before it can match — the catalog live on a day, indexed, and the
/// outcome evidence of that day — packed into one blob a store keeps between calls.
///
/// Reading those from the tables and indexing the catalog is most of a CLI call (at 10,000
/// assets, the asset and tag tables, the follow-up aggregate and the index build are about four
/// fifths of it); reading one blob back, with the index's columns copied rather than rebuilt,
/// is a small part of that. The blob is only good for the ``Key`` it was made under: a catalog or
/// taxonomy import, another day, or a change in what followed some send each makes a new key,
/// and a blob under an old key is never read as current.
///
/// ```swift
/// let kept = KeptCatalog(key: key, assets: assets, evidence: evidence)
/// let bytes = kept.encoded()
/// let back = KeptCatalog(decoding: bytes, expecting: key)   // nil under any other key
/// ```
public struct KeptCatalog: Sendable, Equatable {
    /// What the kept catalog was made from: all of it must match for the blob to be used.
    public struct Key: Sendable, Hashable, CustomStringConvertible {
        /// The blob's version: a build that lays it out differently, or that indexes a catalog
        /// differently (``CatalogIndex``, ``MatchTable``, the store's query for live assets), must
        /// bump it, or it would read the lists and columns an older build worked out.
        public static let format = 3

        /// Moves with every catalog or taxonomy import (the store's catalog version).
        public var catalogVersion: Int
        /// ``StableHash`` of the stored taxonomy, in case the taxonomy changes without the catalog version.
        public var taxonomyHash: UInt64
        /// Live assets depend on the day (review dates), and so does the evidence.
        public var day: Day
        /// Moves only when what followed some send changes (the store's follow-up version).
        public var followUpVersion: Int

        public init(catalogVersion: Int, taxonomyHash: UInt64, day: Day, followUpVersion: Int) {
            self.catalogVersion = catalogVersion
            self.taxonomyHash = taxonomyHash
            self.day = day
            self.followUpVersion = followUpVersion
        }

        public var description: String { "\(versions), day \(day)" }

        /// Everything but the day: two keys with the same versions describe the same data on different days.
        public var versions: String {
            "format \(Key.format), catalog \(catalogVersion), taxonomy \(String(taxonomyHash, radix: 16)), follow-ups \(followUpVersion)"
        }

        fileprivate func write(to writer: inout PackedWriter) {
            writer.int(Key.format)
            writer.int(catalogVersion)
            writer.int(Int(bitPattern: UInt(taxonomyHash)))
            writer.int(day.ordinal)
            writer.int(followUpVersion)
        }

        fileprivate static func read(from reader: inout PackedReader) -> Key? {
            guard reader.int() == format, let catalog = reader.int(), let hash = reader.int(), let day = reader.int(),
                  let followUps = reader.int() else { return nil }
            return Key(catalogVersion: catalog, taxonomyHash: UInt64(UInt(bitPattern: hash)), day: Day(ordinal: day), followUpVersion: followUps)
        }
    }

    public let key: Key
    /// The published assets a matcher may pick from on `key.day`, indexed.
    public let index: CatalogIndex
    public let evidence: OutcomeEvidence

    /// The assets of `index`, in id order, without their bodies.
    public var assets: [Asset] { index.assets }

    /// - Parameter assets: the catalog live on `key.day`; drafts and retired assets are left out, as the index leaves them out.
    public init(key: Key, assets: [Asset], evidence: OutcomeEvidence) {
        self.init(key: key, index: CatalogIndex(assets: assets), evidence: evidence)
    }

    init(key: Key, index: CatalogIndex, evidence: OutcomeEvidence) {
        self.key = key
        self.index = index
        self.evidence = evidence
    }

    public static func == (lhs: KeptCatalog, rhs: KeptCatalog) -> Bool {
        lhs.key == rhs.key && lhs.index.sameParts(as: rhs.index) && lhs.evidence == rhs.evidence
    }

    /// The blob: the same catalog and evidence always give the same bytes.
    public func encoded() -> [UInt8] {
        var writer = PackedWriter(capacity: 64 + assets.count * 256)
        key.write(to: &writer)
        // Columns are written in the machine's own byte order: a blob from another order is not read.
        withUnsafeBytes(of: KeptCatalog.byteOrderMark) { writer.raw($0) }
        writer.int(assets.count)
        for asset in assets { KeptCatalog.write(asset, to: &writer) }
        index.writeLists(to: &writer)
        let records = evidence.records.sorted { $0.key < $1.key }
        writer.int(records.count)
        for (asset, needs) in records {
            writer.string(asset)
            writer.int(needs.count)
            for (need, record) in needs.sorted(by: { $0.key < $1.key }) {
                writer.string(need)
                writer.int(record.sends)
                writer.int(record.successes)
            }
        }
        return writer.bytes
    }

    /// The catalog kept in `bytes`, or `nil` when they were made under another key (or by a build
    /// that lays them out differently) or are damaged: the caller then reads the tables.
    public init?(decoding bytes: some Collection<UInt8>, expecting key: Key) {
        let decoded: KeptCatalog? = bytes.withContiguousStorageIfAvailable { buffer in
            KeptCatalog.decode(UnsafeRawBufferPointer(buffer), expecting: key)
        } ?? Array(bytes).withUnsafeBytes { KeptCatalog.decode($0, expecting: key) }
        guard let decoded else { return nil }
        self = decoded
    }

    private static func decode(_ bytes: UnsafeRawBufferPointer, expecting key: Key) -> KeptCatalog? {
        var reader = PackedReader(bytes)
        guard Key.read(from: &reader) == key, reader.rawInt() == byteOrderMark, let count = reader.count() else { return nil }
        var assets: [Asset] = []
        assets.reserveCapacity(count)
        for _ in 0..<count {
            // Only published assets in strictly increasing id order: what an index holds and searches.
            guard let asset = readAsset(from: &reader), asset.status == .published, assets.last.map({ $0.id < asset.id }) ?? true else { return nil }
            assets.append(asset)
        }
        guard let index = CatalogIndex(reading: &reader, assets: assets) else { return nil }
        guard let assetCount = reader.count() else { return nil }
        var records: [String: [String: OutcomeEvidence.Record]] = [:]
        records.reserveCapacity(assetCount)
        for _ in 0..<assetCount {
            guard let asset = reader.string(), let needCount = reader.count() else { return nil }
            var needs: [String: OutcomeEvidence.Record] = [:]
            for _ in 0..<needCount {
                guard let need = reader.string(), let sends = reader.int(), let successes = reader.int() else { return nil }
                needs[need] = OutcomeEvidence.Record(sends: sends, successes: successes)
            }
            records[asset] = needs
        }
        guard reader.isAtEnd else { return nil }
        return KeptCatalog(key: key, index: index, evidence: OutcomeEvidence(records))
    }

    private static let byteOrderMark = 0x0102_0304_0506_0708

    // MARK: - One asset

    private static func write(_ asset: Asset, to writer: inout PackedWriter) {
        writer.string(asset.id)
        writer.string(asset.title)
        writer.optional(asset.summary) { $0.string($1) }
        writer.optional(asset.url) { $0.string($1) }
        writer.string(asset.format)
        writer.strings(asset.jobs.map(\.rawValue))
        writer.strings(asset.roles)
        writer.strings(asset.topics)
        writer.int(asset.resolves.count)
        for resolution in asset.resolves {
            writer.string(resolution.topic)
            writer.strings(resolution.positions)
        }
        writer.bool(asset.shareable)
        writer.string(asset.channel.rawValue)
        writer.optional(asset.minutes) { $0.int($1) }
        writer.strings(asset.industries)
        writer.optional(asset.published) { $0.int($1.ordinal) }
        writer.optional(asset.reviewBy) { $0.int($1.ordinal) }
        writer.optional(asset.owner) { $0.string($1) }
        writer.string(asset.status.rawValue)
        writer.string(asset.body)
    }

    private static func readAsset(from reader: inout PackedReader) -> Asset? {
        guard let id = reader.string(), let title = reader.string(), let summary = reader.optional({ $0.string() }),
              let url = reader.optional({ $0.string() }), let format = reader.string(), let jobNames = reader.strings(),
              let roles = reader.strings(), let topics = reader.strings(), let resolutionCount = reader.count() else { return nil }
        var jobs: [BuyingJob] = []
        jobs.reserveCapacity(jobNames.count)
        for name in jobNames {
            guard let job = BuyingJob(rawValue: name) else { return nil }
            jobs.append(job)
        }
        var resolves: [Asset.Resolution] = []
        for _ in 0..<resolutionCount {
            guard let topic = reader.string(), let positions = reader.strings() else { return nil }
            resolves.append(Asset.Resolution(topic: topic, positions: positions))
        }
        guard let shareable = reader.bool(), let channel = reader.string().flatMap(Asset.Channel.init(rawValue:)),
              let minutes = reader.optional({ $0.int() }), let industries = reader.strings(),
              let published = reader.optional({ $0.int() }), let reviewBy = reader.optional({ $0.int() }),
              let owner = reader.optional({ $0.string() }), let status = reader.string().flatMap(Asset.Status.init(rawValue:)),
              let body = reader.string() else { return nil }
        return Asset(id: id, title: title, summary: summary, url: url, format: format, jobs: jobs, roles: roles, topics: topics,
                     resolves: resolves, shareable: shareable, channel: channel, minutes: minutes, industries: industries,
                     published: published.map(Day.init(ordinal:)), reviewBy: reviewBy.map(Day.init(ordinal:)), owner: owner,
                     status: status, body: body)
    }
}
