/// A kept catalog's assets as the blob holds them, each read into an ``Asset`` only when a call
/// asks for it.
///
/// A `next` call looks at a handful of assets (its picks, what the group was sent or dismissed);
/// the columns of the ``MatchTable`` do the rest. Reading all 100,000 of a large catalog into
/// values, a heap string for each title and url, was a third of such a call; here a call reads the
/// few it touches. The ids stay as bytes, searched without making strings.
///
/// Every record is checked when the blob is read (``init(reading:)``) without making any value, so
/// reading one later cannot fail: a blob that would fail is refused whole, and the store then
/// reads its tables.
final class KeptAssets: Sendable {
    let count: Int
    /// The ids' UTF-8, one after another; `idEnds[i]` is where the i-th ends.
    private let ids: [UInt8]
    private let idEnds: [Int]
    /// Each asset's fields but its id (``KeptAssets/write(_:to:)``); `recordEnds[i]` is where the i-th ends.
    private let records: [UInt8]
    private let recordEnds: [Int]

    /// Writes `assets` (published, in id order) as ``init(reading:)`` reads them.
    static func write(_ assets: [Asset], to writer: inout PackedWriter) {
        var ids = PackedWriter(capacity: assets.count * 16), records = PackedWriter(capacity: assets.count * 128)
        var idEnds: [Int] = [], recordEnds: [Int] = []
        idEnds.reserveCapacity(assets.count)
        recordEnds.reserveCapacity(assets.count)
        for asset in assets {
            var id = asset.id
            id.withUTF8 { ids.raw(UnsafeRawBufferPointer($0)) }
            idEnds.append(ids.bytes.count)
            writeRecord(asset, to: &records)
            recordEnds.append(records.bytes.count)
        }
        writer.int(assets.count)
        writer.column(idEnds)
        writer.run(ids.bytes)
        writer.column(recordEnds)
        writer.run(records.bytes)
    }

    /// The assets ``write(_:to:)`` wrote, or `nil` when any id or record is out of place: ids must
    /// be strictly increasing (the order the index searches in) and every record must read whole.
    init?(reading reader: inout PackedReader) {
        guard let count = reader.count(), let idEnds: [Int] = reader.column(), idEnds.count == count, let ids = reader.run(),
              let recordEnds: [Int] = reader.column(), recordEnds.count == count, let records = reader.run(),
              KeptAssets.areEnds(idEnds, of: ids.count), KeptAssets.areEnds(recordEnds, of: records.count) else { return nil }
        let valid = ids.withUnsafeBytes { ids in
            records.withUnsafeBytes { records in
                var start = 0, recordStart = 0
                var previous = UnsafeRawBufferPointer(start: nil, count: 0)
                for index in 0..<count {
                    let id = UnsafeRawBufferPointer(rebasing: ids[start..<idEnds[index]])
                    guard !id.isEmpty, index == 0 || KeptAssets.compare(previous, id) < 0 else { return false }
                    var record = PackedReader(UnsafeRawBufferPointer(rebasing: records[recordStart..<recordEnds[index]]))
                    guard KeptAssets.skimRecord(&record), record.isAtEnd else { return false }
                    (previous, start, recordStart) = (id, idEnds[index], recordEnds[index])
                }
                return true
            }
        }
        guard valid else { return nil }
        self.count = count
        self.ids = ids
        self.idEnds = idEnds
        self.records = records
        self.recordEnds = recordEnds
    }

    /// The asset at `position`, read from its record.
    func asset(at position: Int) -> Asset {
        let id = ids.withUnsafeBytes { String(decoding: UnsafeRawBufferPointer(rebasing: $0[idRange(position)]), as: UTF8.self) }
        let start = position == 0 ? 0 : recordEnds[position - 1]
        let asset = records.withUnsafeBytes { bytes -> Asset? in
            var reader = PackedReader(UnsafeRawBufferPointer(rebasing: bytes[start..<recordEnds[position]]))
            return KeptAssets.readRecord(&reader, id: id)
        }
        // `init(reading:)` skimmed this record with the same layout; failing here is a bug, not bad data.
        guard let asset else { preconditionFailure("kept asset \(position) did not read after its record was checked") }
        return asset
    }

    /// Where the asset with `id` sits, by a binary search over the id bytes.
    func position(of id: String) -> Int? {
        var id = id
        return id.withUTF8 { wanted in
            ids.withUnsafeBytes { ids in
                var low = 0, high = count
                while low < high {
                    let middle = (low + high) / 2
                    let order = KeptAssets.compare(UnsafeRawBufferPointer(rebasing: ids[idRange(middle)]), UnsafeRawBufferPointer(wanted))
                    if order == 0 { return middle }
                    if order < 0 { low = middle + 1 } else { high = middle }
                }
                return nil
            }
        }
    }

    private func idRange(_ position: Int) -> Range<Int> { (position == 0 ? 0 : idEnds[position - 1])..<idEnds[position] }

    private static func areEnds(_ ends: [Int], of length: Int) -> Bool {
        var previous = 0
        for end in ends {
            guard end >= previous else { return false }
            previous = end
        }
        return previous == length
    }

    /// Byte order, shorter first on a common prefix: Swift's order for the ASCII ids a catalog
    /// holds. Ids in another order are refused when read, so a search never misses one.
    private static func compare(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Int {
        let common = min(left.count, right.count)
        for offset in 0..<common where left[offset] != right[offset] { return left[offset] < right[offset] ? -1 : 1 }
        return left.count == right.count ? 0 : left.count < right.count ? -1 : 1
    }

    // MARK: - One record

    // The three functions below follow one layout: what `writeRecord` writes, `skimRecord` checks
    // without making values and `readRecord` reads. The status is not written: an index holds
    // published assets only. Jobs and the channel are written as their place in `allCases`.

    private static let jobs = BuyingJob.allCases
    private static let channels = Asset.Channel.allCases

    private static func writeRecord(_ asset: Asset, to writer: inout PackedWriter) {
        writer.string(asset.title)
        writer.optional(asset.summary) { $0.string($1) }
        writer.optional(asset.url) { $0.string($1) }
        writer.string(asset.format)
        writer.int(asset.jobs.count)
        for job in asset.jobs { writer.int(jobs.firstIndex(of: job)!) }
        writer.strings(asset.roles)
        writer.strings(asset.topics)
        writer.int(asset.resolves.count)
        for resolution in asset.resolves {
            writer.string(resolution.topic)
            writer.strings(resolution.positions)
        }
        writer.bool(asset.shareable)
        writer.int(channels.firstIndex(of: asset.channel)!)
        writer.optional(asset.minutes) { $0.int($1) }
        writer.strings(asset.industries)
        writer.optional(asset.published) { $0.int($1.ordinal) }
        writer.optional(asset.reviewBy) { $0.int($1.ordinal) }
        writer.optional(asset.owner) { $0.string($1) }
        writer.string(asset.body)
    }

    private static func skimRecord(_ reader: inout PackedReader) -> Bool {
        guard reader.skipString(), reader.skipOptional({ $0.skipString() }), reader.skipOptional({ $0.skipString() }), reader.skipString(),
              let jobCount = reader.count() else { return false }
        for _ in 0..<jobCount {
            guard let job = reader.int(), jobs.indices.contains(job) else { return false }
        }
        guard reader.skipStrings(), reader.skipStrings(), let resolutionCount = reader.count() else { return false }
        for _ in 0..<resolutionCount {
            guard reader.skipString(), reader.skipStrings() else { return false }
        }
        guard reader.bool() != nil, let channel = reader.int(), channels.indices.contains(channel) else { return false }
        return reader.skipOptional({ $0.int() != nil }) && reader.skipStrings() && reader.skipOptional({ $0.int() != nil })
            && reader.skipOptional({ $0.int() != nil }) && reader.skipOptional({ $0.skipString() }) && reader.skipString()
    }

    private static func readRecord(_ reader: inout PackedReader, id: String) -> Asset? {
        guard let title = reader.string(), let summary = reader.optional({ $0.string() }), let url = reader.optional({ $0.string() }),
              let format = reader.string(), let jobCount = reader.count() else { return nil }
        var assetJobs: [BuyingJob] = []
        assetJobs.reserveCapacity(jobCount)
        for _ in 0..<jobCount {
            guard let job = reader.int(), jobs.indices.contains(job) else { return nil }
            assetJobs.append(jobs[job])
        }
        guard let roles = reader.strings(), let topics = reader.strings(), let resolutionCount = reader.count() else { return nil }
        var resolves: [Asset.Resolution] = []
        for _ in 0..<resolutionCount {
            guard let topic = reader.string(), let positions = reader.strings() else { return nil }
            resolves.append(Asset.Resolution(topic: topic, positions: positions))
        }
        guard let shareable = reader.bool(), let channel = reader.int(), channels.indices.contains(channel),
              let minutes = reader.optional({ $0.int() }), let industries = reader.strings(),
              let published = reader.optional({ $0.int() }), let reviewBy = reader.optional({ $0.int() }),
              let owner = reader.optional({ $0.string() }), let body = reader.string() else { return nil }
        return Asset(id: id, title: title, summary: summary, url: url, format: format, jobs: assetJobs, roles: roles, topics: topics,
                     resolves: resolves, shareable: shareable, channel: channels[channel], minutes: minutes, industries: industries,
                     published: published.map(Day.init(ordinal:)), reviewBy: reviewBy.map(Day.init(ordinal:)), owner: owner,
                     status: .published, body: body)
    }
}
