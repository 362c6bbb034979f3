// The index's lists as a kept catalog stores them, beside its table: read back, they make the
// index without the pass over every asset that listing them takes.

extension CatalogIndex {
    func writeLists(to writer: inout PackedWriter) {
        for lists in [byResolvedTopic, byTopic, byRole, byIndustry] { writer.lists(lists) { $0.string($1) } }
        for lists in [byJob, byPrimaryJob] { writer.lists(lists) { $0.string($1.rawValue) } }
        writer.column(forEveryone)
        table.write(to: &writer)
    }

    /// The index over the assets on `shelf` (published, in id order) from the lists and table
    /// ``writeLists(to:)`` wrote, or `nil` when they do not fit those assets.
    init?(reading reader: inout PackedReader, shelf: AssetShelf) {
        let count = shelf.count
        var named: [[String: [Int]]] = []
        for _ in 0..<4 {
            guard let lists = reader.lists(below: count, key: { $0.string() }) else { return nil }
            named.append(lists)
        }
        var jobs: [[BuyingJob: [Int]]] = []
        for _ in 0..<2 {
            guard let lists = reader.lists(below: count, key: { $0.string().flatMap(BuyingJob.init(rawValue:)) }) else { return nil }
            jobs.append(lists)
        }
        guard let forEveryone: [Int] = reader.column(), forEveryone.allSatisfy({ $0 >= 0 && $0 < count }),
              let table = MatchTable(reading: &reader, count: count) else { return nil }
        self.init(shelf: shelf, byResolvedTopic: named[0], byTopic: named[1], byJob: jobs[0], byPrimaryJob: jobs[1],
                  byRole: named[2], byIndustry: named[3], forEveryone: forEveryone, table: table)
    }

    /// Whether two indexes hold the same assets, lists and table (what a kept index must give).
    func sameParts(as other: CatalogIndex) -> Bool {
        assets == other.assets && byResolvedTopic == other.byResolvedTopic && byTopic == other.byTopic && byJob == other.byJob
            && byPrimaryJob == other.byPrimaryJob && byRole == other.byRole && byIndustry == other.byIndustry
            && forEveryone == other.forEveryone && table == other.table
    }
}
