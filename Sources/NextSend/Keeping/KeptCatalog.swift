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
        public static let format = 4

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

    /// The assets of `index`, in id order, without their bodies; each one read from the blob, so
    /// a call that matches goes through `index` by position instead.
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
        var writer = PackedWriter(capacity: 64 + index.count * 256)
        key.write(to: &writer)
        // Columns are written in the machine's own byte order: a blob from another order is not read.
        withUnsafeBytes(of: KeptCatalog.byteOrderMark) { writer.raw($0) }
        KeptAssets.write(assets, to: &writer)
        index.writeLists(to: &writer)
        KeptEvidence.write(evidence, to: &writer)
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
        // Assets are checked here and made into values only when a call asks for one (``KeptAssets``).
        guard Key.read(from: &reader) == key, reader.rawInt() == byteOrderMark, let assets = KeptAssets(reading: &reader),
              let index = CatalogIndex(reading: &reader, shelf: AssetShelf(filling: assets)) else { return nil }
        guard let evidence = KeptEvidence(reading: &reader), reader.isAtEnd else { return nil }
        return KeptCatalog(key: key, index: index, evidence: OutcomeEvidence(kept: evidence))
    }

    private static let byteOrderMark = 0x0102_0304_0506_0708
}
