import Foundation
import NextSend

// MARK: - Writes

extension SQLStore {
    /// Stores the taxonomy and upserts every asset in one transaction; assets in the store but not
    /// in `assets` are marked retired (kept, so past touches still name them).
    ///
    /// Validate first: this writes what it is given.
    ///
    /// - Parameters:
    ///   - allowRetire: an import that would retire more than half of the published catalog is
    ///     refused (a folder holding one file is more often a mistake than a decision) unless this is set.
    ///   - allowOrphans: stored facts naming a value the taxonomy no longer has (a stakeholder's
    ///     role, a claim's topic or position, a group's industry) refuse the import unless this is
    ///     set; then they are retracted with a note saying why.
    ///   - dryRun: work out the summary and write nothing.
    public func storeCatalog(_ assets: [Asset], taxonomy: Taxonomy, taxonomySource: String,
                             paths: [String: String], allowRetire: Bool, allowOrphans: Bool, dryRun: Bool, asOf: Day?) throws -> CatalogImportSummary {
        try write(dryRun: dryRun) { db in
            var summary = CatalogImportSummary()
            let orphans = try StoreQueries.orphans(under: taxonomy, db)
            var retractedIn = Set<String>()
            if !orphans.isEmpty {
                guard allowOrphans else { throw StoreError(.refused, orphans.refusal) }
                retractedIn = try StoreQueries.retractOrphans(under: taxonomy, on: asOf, db)
                summary.retractedOrphans = orphans
            }
            try db.execute("UPDATE storeVersion SET catalog = catalog + 1 WHERE id = 1")
            try StoreQueries.saveTaxonomy(taxonomy, source: taxonomySource, db)
            let existing = try Dictionary(uniqueKeysWithValues: StoreQueries.fetchAssets(db, ids: nil).map { ($0.id, $0) })
            for asset in assets.sorted(by: { $0.id < $1.id }) {
                if asset.status == .draft { summary.drafts.append(asset.id) }
                if let old = existing[asset.id] {
                    if old == asset {
                        summary.unchanged += 1
                        continue
                    }
                    summary.updated.append(asset.id)
                } else {
                    summary.added.append(asset.id)
                }
                try StoreQueries.save(asset, path: paths[asset.id], replacing: existing[asset.id] != nil, db)
                if let asOf {
                    if existing[asset.id] == nil {
                        try db.execute("UPDATE asset SET firstImported = ? WHERE id = ? AND firstImported IS NULL", [asOf.description, asset.id])
                    } else if existing[asset.id]?.status == .retired {
                        try db.execute("UPDATE asset SET retiredOn = NULL WHERE id = ?", [asset.id])  // back in the folder
                    }
                }
            }
            let present = Set(assets.map(\.id))
            for old in existing.values.sorted(by: { $0.id < $1.id }) where !present.contains(old.id) && old.status != .retired {
                try db.execute("UPDATE asset SET status = 'retired', retiredOn = ? WHERE id = ?", [asOf?.description, old.id])
                summary.retired.append(old.id)
            }
            let published = existing.values.filter { $0.status == .published }.count
            let retiringPublished = summary.retired.filter { existing[$0]?.status == .published }.count
            if !allowRetire, retiringPublished * 2 > published {
                throw StoreError(.refused, "this import would retire \(retiringPublished) of the \(published) published assets "
                    + "(they are not in the folder); nothing was changed. Import the whole catalog folder, or pass --allow-retire "
                    + "if retiring them is what you mean")
            }
            // What the retracted claims no longer say must stop feeding what the matcher learns.
            for group in retractedIn.sorted() { try StoreQueries.refreshFollowUps(group, taxonomy: taxonomy, db) }
            summary.dryRun = dryRun
            return summary
        }
    }

    public func saveAsset(_ asset: Asset, path: String?) throws {
        try saveAssets([(asset, path)])
    }

    public func saveAssets(_ assets: [(asset: Asset, path: String?)]) throws {
        try write { db in
            // Tags changed: a catalog index kept by the service or in the database is out of date.
            try db.execute("UPDATE storeVersion SET catalog = catalog + 1 WHERE id = 1")
            for (asset, path) in assets { try StoreQueries.save(asset, path: path, replacing: true, db) }
        }
    }

}

extension StoreQueries {
    static func saveTaxonomy(_ taxonomy: Taxonomy, source: String, _ db: any SQLSession) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(taxonomy), as: UTF8.self)
        try db.execute(db.dialect.insertOrReplace("taxonomy", key: "id", ["id", "json", "source"], "1, ?, ?"), [json, source])
    }

    /// - Parameter replacing: the asset may already be stored, so its old tags and search row go first.
    ///   A new asset has none: a first import skips seven of the seventeen or so statements per asset.
    static func save(_ asset: Asset, path: String?, replacing: Bool, _ db: any SQLSession) throws {
        let record = AssetRecord(asset, path: path)
        let placeholders = Array(repeating: "?", count: AssetRecord.columns.count).joined(separator: ", ")
        try db.execute(db.dialect.insertOrReplace("asset", key: "id", AssetRecord.columns, placeholders), record.values)
        if replacing {
            for table in ["assetJob", "assetRole", "assetTopic", "assetIndustry", "assetResolvePosition", "assetResolve"] {
                try db.execute("DELETE FROM \(table) WHERE assetId = ?", [asset.id])
            }
        }
        for (table, column, values) in [("assetJob", "job", asset.jobs.map(\.rawValue)), ("assetRole", "role", asset.roles),
                                        ("assetTopic", "topic", asset.topics), ("assetIndustry", "industry", asset.industries)] {
            for (position, value) in values.enumerated() {
                try db.execute("INSERT INTO \(table) (assetId, \(column), position) VALUES (?, ?, ?)", [asset.id, value, position])
            }
        }
        for (ordinal, resolution) in asset.resolves.enumerated() {
            try db.execute("INSERT INTO assetResolve (assetId, ordinal, topic) VALUES (?, ?, ?)", [asset.id, ordinal, resolution.topic])
            for position in resolution.positions {
                try db.execute(db.dialect.insertOrIgnore("assetResolvePosition", "assetId, ordinal, position", "?, ?, ?"), [asset.id, ordinal, position])
            }
        }
        // PostgreSQL keeps its search vector in a generated column of `asset`; SQLite's FTS5
        // table is kept by hand. Its row shares the asset's rowid: deleting by rowid is a lookup,
        // where deleting by the unindexed id column would scan the whole index for every asset.
        if db.dialect == .sqlite {
            let rowid = try db.int("SELECT rowid FROM asset WHERE id = ?", [asset.id])
            if replacing { try db.execute("DELETE FROM assetSearch WHERE rowid = ?", [rowid]) }
            try db.execute("INSERT INTO assetSearch (rowid, id, title, summary, body) VALUES (?, ?, ?, ?, ?)",
                           [rowid, asset.id, asset.title, asset.summary ?? "", asset.body])
        }
    }

    static func taxonomy(_ db: any SQLSession) throws -> Taxonomy {
        guard let json = try db.string("SELECT json FROM taxonomy WHERE id = 1") else { throw StoreError.noCatalog }
        return try JSONDecoder().decode(Taxonomy.self, from: Data(json.utf8))
    }

    /// Loads assets with all their tags: one query per table, not one per asset.
    ///
    /// - Parameter bodies: `false` leaves each body empty. Matching, diagnosis and the digests never
    ///   read a body, and at 100,000 assets the bodies are over 50 MB held for a whole digest run.
    static func fetchAssets(_ db: any SQLSession, ids: [String]?, bodies: Bool = true) throws -> [Asset] {
        if ids?.isEmpty == true { return [] }
        // The same filter on the asset's id column in every table (`id` or `assetId`).
        func filter(_ column: String) -> String {
            guard let ids else { return "" }
            return " WHERE \(ids.count == 1 ? "\(column) = ?" : db.dialect.isAmong(column, jsonStrings: "?"))"
        }
        let arguments: SQLArguments = ids.map { $0.count == 1 ? [$0[0]] : [db.json($0)] } ?? []
        func tagRows(_ table: String, _ column: String) throws -> [String: [String]] {
            var result: [String: [String]] = [:]
            for row in try db.rows("""
                SELECT assetId, \(column) FROM \(table)\(filter("assetId")) ORDER BY assetId, position
                """, arguments) {
                if let asset = row.string(at: 0), let value = row.string(at: 1) { result[asset, default: []].append(value) }
            }
            return result
        }
        let columns = bodies ? "*" : AssetRecord.columns.map { $0 == "body" ? "'' AS body" : $0 }.joined(separator: ", ")
        let records = try db.records(AssetRecord.self, "SELECT \(columns) FROM asset\(filter("id")) ORDER BY id",
                                     arguments, AssetRecord.init(row:))
        let jobs = try tagRows("assetJob", "job")
        let roles = try tagRows("assetRole", "role")
        let topics = try tagRows("assetTopic", "topic")
        let industries = try tagRows("assetIndustry", "industry")
        let resolves = try resolutions(db, where: filter("r.assetId"), arguments)
        return try records.map { record in
            try record.asset(jobs: jobs[record.id] ?? [], roles: roles[record.id] ?? [], topics: topics[record.id] ?? [],
                             industries: industries[record.id] ?? [], resolves: resolves[record.id] ?? [])
        }
    }

    /// The `resolves` entries of the assets `condition` selects, in their order, positions in theirs.
    static func resolutions(_ db: any SQLSession, where condition: String, _ arguments: SQLArguments) throws -> [String: [Asset.Resolution]] {
        var resolves: [String: [Asset.Resolution]] = [:]
        var last: (asset: String, ordinal: Int)?
        for row in try db.rows("""
            SELECT r.assetId, r.ordinal, r.topic, p.position FROM assetResolve r
            LEFT JOIN assetResolvePosition p ON p.assetId = r.assetId AND p.ordinal = r.ordinal
            \(condition) ORDER BY r.assetId, r.ordinal, p.rowid
            """, arguments) {
            guard let asset = row.string(at: 0), let ordinal = row.int(at: 1), let topic = row.string(at: 2) else { continue }
            if last?.asset != asset || last?.ordinal != ordinal {
                resolves[asset, default: []].append(Asset.Resolution(topic: topic))
                last = (asset, ordinal)
            }
            if let position = row.string(at: 3) { resolves[asset]![resolves[asset]!.count - 1].positions.append(position) }
        }
        return resolves
    }
}

// MARK: - Search

extension StoreQueries {
    /// `ids` (already filtered, in id order) that match `query`, best first: matches in the id or
    /// tags first, then by full-text rank, then by id.
    static func search(_ query: SearchQuery, among ids: [String], _ db: any SQLSession) throws -> [String] {
        let tags = try searchTags(db)
        var textRank: [SearchQuery.Term: [String: Int]] = [:]
        let (from, match, order) = SearchQuery.clauses(db.dialect)
        for term in query.terms {
            let ranked = try db.strings("SELECT a.id FROM \(from) WHERE \(match) ORDER BY \(order), a.id",
                                        [SearchQuery.pattern(term, db.dialect)])
            textRank[term] = Dictionary(ranked.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
        var scored: [(id: String, tagHits: Int, rank: Int)] = []
        for id in ids {
            var best: (tagHits: Int, rank: Int)?
            for alternative in query.alternatives {
                var tagHits = 0
                var rank = 0
                var all = true
                for term in alternative {
                    if SearchQuery.matches(term, tags: tags[id] ?? []) {
                        tagHits += 1
                    } else if let position = textRank[term]?[id] {
                        rank += position
                    } else {
                        all = false
                        break
                    }
                }
                guard all else { continue }
                if best == nil || tagHits > best!.tagHits || (tagHits == best!.tagHits && rank < best!.rank) { best = (tagHits, rank) }
            }
            if let best { scored.append((id, best.tagHits, best.rank)) }
        }
        return scored.sorted { ($1.tagHits, $0.rank, $0.id) < ($0.tagHits, $1.rank, $1.id) }.map(\.id)
    }

    /// Each asset's searchable tag words: its id, jobs, roles, topics and industries, and the
    /// taxonomy's labels and `says:` phrases for its topics — folded to lower case, in order.
    static func searchTags(_ db: any SQLSession) throws -> [String: [String]] {
        let taxonomy = try? StoreQueries.taxonomy(db)
        var words: [String: [String]] = [:]
        for id in try db.strings("SELECT id FROM asset") { words[id] = SearchQuery.words(id) }
        for (table, column) in [("assetJob", "job"), ("assetRole", "role"), ("assetTopic", "topic"), ("assetIndustry", "industry")] {
            for row in try db.rows("SELECT assetId, \(column) FROM \(table)") {
                guard let asset = row.string(at: 0), let value = row.string(at: 1) else { continue }
                words[asset, default: []] += SearchQuery.words(value)
                if column == "topic", let topic = taxonomy?.topic(value) {
                    words[asset, default: []] += SearchQuery.words(topic.label)
                    for phrase in topic.says.flatMap(\.value) { words[asset, default: []] += SearchQuery.words(phrase) }
                }
            }
        }
        return words
    }
}

// MARK: - Reads

extension SQLStore {
    public func taxonomy() throws -> Taxonomy {
        try read { db in try StoreQueries.taxonomy(db) }
    }

    public func assets(matching filter: AssetFilter) throws -> [Asset] {
        try read { db in
            var conditions: [String] = []
            var arguments: SQLArguments = []
            if let job = filter.job {
                conditions.append("a.id IN (SELECT assetId FROM assetJob WHERE job = ?)")
                arguments.append(job.rawValue)
            }
            if let role = filter.role {
                conditions.append("a.id IN (SELECT assetId FROM assetRole WHERE role = ?)")
                arguments.append(role)
            }
            if let topic = filter.topic {
                conditions.append("a.id IN (SELECT assetId FROM assetTopic WHERE topic = ?)")
                arguments.append(topic)
            }
            if let format = filter.format {
                conditions.append("a.format = ?")
                arguments.append(format)
            }
            if let status = filter.status {
                conditions.append("a.status = ?")
                arguments.append(status.rawValue)
            }
            var sql = "SELECT a.id FROM asset a"
            if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
            sql += " ORDER BY a.id"
            var ids = try db.strings(sql, arguments)
            if let search = filter.search {
                guard let query = SearchQuery(search) else { return [] }
                ids = try StoreQueries.search(query, among: ids, db)
            }
            let byID = Dictionary(uniqueKeysWithValues: try StoreQueries.fetchAssets(db, ids: ids).map { ($0.id, $0) })
            return ids.compactMap { byID[$0] }
        }
    }

    public func searchSuggestion(_ search: String) throws -> String? {
        guard let query = SearchQuery(search) else { return nil }
        return try read { db in
            let tags = try StoreQueries.searchTags(db)
            var known = Set(tags.values.flatMap { $0 })
            for title in try db.strings("SELECT title FROM asset") { known.formUnion(SearchQuery.words(title)) }
            let vocabulary = known.filter { $0.count > 2 }.sorted()
            // The first word that matches nothing, and the known word closest to it.
            for term in query.terms.sorted(by: { $0.words.joined() < $1.words.joined() }) {
                for word in term.words where !vocabulary.contains(where: { $0.hasPrefix(word) }) {
                    if let close = Suggestion.closest(to: word, in: vocabulary) { return search.replacingOccurrences(of: word, with: close) }
                }
            }
            return nil
        }
    }

    public func asset(id: String) throws -> Asset? {
        try read { db in try StoreQueries.fetchAssets(db, ids: [id]).first }
    }

    public func assetPath(id: String) throws -> String? {
        try read { db in try db.string("SELECT path FROM asset WHERE id = ?", [id]) }
    }

    public func dataVersions() throws -> (data: Int, catalog: Int) {
        try read { db in
            let row = try db.rows("SELECT version, catalog FROM storeVersion WHERE id = 1").first
            return (row?.int(at: 0) ?? 0, row?.int(at: 1) ?? 0)
        }
    }
}

// MARK: - Matching

extension SQLStore {
    public func matchableAssets(asOf: Day) throws -> [Asset] {
        try read { db in try StoreQueries.matchableAssets(db, asOf: asOf) }
    }
}

extension StoreQueries {
    /// `next` needs this on every call the catalog is not kept for, so it leaves the bodies and
    /// summaries (most of the bytes, and nothing a pick shows) in the database.
    static func matchableAssets(_ db: any SQLSession, asOf: Day) throws -> [Asset] {
        // The asset table holds every body, so it is read once; the tag tables are small and
        // read whole, keeping the rows of live assets (a subquery per tag table read the asset
        // table six times over: most of a `next` call on a large catalog).
        var assets: [Asset] = []
        var position: [String: Int] = [:]
        for row in try db.rows("""
            SELECT id, title, url, format, shareable, channel, minutes, published, reviewBy, owner
            FROM asset WHERE status = 'published' AND (reviewBy IS NULL OR reviewBy >= ?) ORDER BY id
            """, [asOf.description]) {
            let id = try row.string("id")
            position[id] = assets.count
            assets.append(Asset(id: id, title: try row.string("title"), url: row.optionalString("url"),
                                format: try row.string("format"), jobs: [], roles: [], topics: [], resolves: [], shareable: row.bool("shareable"),
                                channel: try StoredValues.channel(try row.string("channel"), asset: id), minutes: row.optionalInt("minutes"),
                                industries: [],
                                published: try StoredValues.day(row.optionalString("published"), "published", asset: id),
                                reviewBy: try StoredValues.day(row.optionalString("reviewBy"), "reviewBy", asset: id),
                                owner: row.optionalString("owner"), status: .published))
        }
        // Tags come in table order and are put in position order per asset here: an ORDER BY
        // on the position would sort the whole table in a temporary tree first.
        func tags(_ table: String, _ column: String, _ add: (inout Asset, [String]) throws -> Void) throws {
            var found: [Int: [(position: Int, value: String)]] = [:]
            for row in try db.rows("SELECT assetId, position, \(column) FROM \(table)", []) {
                guard let asset = row.string(at: 0), let slot = position[asset], let order = row.int(at: 1), let value = row.string(at: 2) else { continue }
                found[slot, default: []].append((order, value))
            }
            for (slot, values) in found { try add(&assets[slot], values.sorted { $0.position < $1.position }.map(\.value)) }
        }
        try tags("assetJob", "job") { asset, jobs in asset.jobs = try StoredValues.jobs(jobs, asset: asset.id) }
        try tags("assetRole", "role") { $0.roles = $1 }
        try tags("assetTopic", "topic") { $0.topics = $1 }
        try tags("assetIndustry", "industry") { $0.industries = $1 }
        for (id, resolves) in try StoreQueries.resolutions(db, where: "", []) {
            if let slot = position[id] { assets[slot].resolves = resolves }
        }
        return assets
    }
}
