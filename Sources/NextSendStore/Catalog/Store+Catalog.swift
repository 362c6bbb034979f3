import Foundation
import GRDB
import NextSend

// MARK: - Writes

extension SQLiteStore {
    /// Stores the taxonomy and upserts every asset in one transaction; assets in the store but not
    /// in `assets` are marked retired (kept, so past touches still name them).
    ///
    /// Validate first: this writes what it is given.
    ///
    /// - Parameters:
    ///   - allowRetire: an import that would retire more than half of the published catalog is
    ///     refused (a folder holding one file is more often a mistake than a decision) unless this is set.
    ///   - dryRun: work out the summary and write nothing.
    public func storeCatalog(_ assets: [Asset], taxonomy: Taxonomy, taxonomySource: String,
                             paths: [String: String], allowRetire: Bool, dryRun: Bool) throws -> CatalogImportSummary {
        try write(dryRun: dryRun) { db in
            try db.execute(sql: "UPDATE storeVersion SET catalog = catalog + 1 WHERE id = 1")
            try saveTaxonomy(taxonomy, source: taxonomySource, db)
            let existing = try Dictionary(uniqueKeysWithValues: SQLiteStore.fetchAssets(db, ids: nil).map { ($0.id, $0) })
            var summary = CatalogImportSummary()
            for asset in assets.sorted(by: { $0.id < $1.id }) {
                if let old = existing[asset.id] {
                    if old == asset {
                        summary.unchanged += 1
                        continue
                    }
                    summary.updated.append(asset.id)
                } else {
                    summary.added.append(asset.id)
                }
                try save(asset, path: paths[asset.id], db)
            }
            let present = Set(assets.map(\.id))
            for old in existing.values.sorted(by: { $0.id < $1.id }) where !present.contains(old.id) && old.status != .retired {
                try db.execute(sql: "UPDATE asset SET status = 'retired' WHERE id = ?", arguments: [old.id])
                summary.retired.append(old.id)
            }
            let published = existing.values.filter { $0.status == .published }.count
            let retiringPublished = summary.retired.filter { existing[$0]?.status == .published }.count
            if !allowRetire, retiringPublished * 2 > published {
                throw StoreError(.refused, "this import would retire \(retiringPublished) of the \(published) published assets "
                    + "(they are not in the folder); nothing was changed. Import the whole catalog folder, or pass --allow-retire "
                    + "if retiring them is what you mean")
            }
            summary.dryRun = dryRun
            return summary
        }
    }

    public func saveAsset(_ asset: Asset, path: String?) throws {
        try write { db in try save(asset, path: path, db) }
    }

    private func saveTaxonomy(_ taxonomy: Taxonomy, source: String, _ db: Database) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(taxonomy), as: UTF8.self)
        try db.execute(sql: "INSERT OR REPLACE INTO taxonomy (id, json, source) VALUES (1, ?, ?)", arguments: [json, source])
    }

    private func save(_ asset: Asset, path: String?, _ db: Database) throws {
        try AssetRecord(asset, path: path).save(db)
        for table in ["assetJob", "assetRole", "assetTopic", "assetIndustry", "assetResolve", "assetResolvePosition"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE assetId = ?", arguments: [asset.id])
        }
        for (table, column, values) in [("assetJob", "job", asset.jobs.map(\.rawValue)), ("assetRole", "role", asset.roles),
                                        ("assetTopic", "topic", asset.topics), ("assetIndustry", "industry", asset.industries)] {
            for (position, value) in values.enumerated() {
                try db.execute(sql: "INSERT INTO \(table) (assetId, \(column), position) VALUES (?, ?, ?)",
                               arguments: [asset.id, value, position])
            }
        }
        for (ordinal, resolution) in asset.resolves.enumerated() {
            try db.execute(sql: "INSERT INTO assetResolve (assetId, ordinal, topic) VALUES (?, ?, ?)",
                           arguments: [asset.id, ordinal, resolution.topic])
            for position in resolution.positions {
                try db.execute(sql: "INSERT OR IGNORE INTO assetResolvePosition (assetId, ordinal, position) VALUES (?, ?, ?)",
                               arguments: [asset.id, ordinal, position])
            }
        }
        // The search row shares the asset's rowid: deleting by rowid is a lookup, where deleting by
        // the unindexed id column would scan the whole index for every asset.
        let rowid = try Int64.fetchOne(db, sql: "SELECT rowid FROM asset WHERE id = ?", arguments: [asset.id])
        try db.execute(sql: "DELETE FROM assetSearch WHERE rowid = ?", arguments: [rowid])
        try db.execute(sql: "INSERT INTO assetSearch (rowid, id, title, summary, body) VALUES (?, ?, ?, ?, ?)",
                       arguments: [rowid, asset.id, asset.title, asset.summary ?? "", asset.body])
    }
}

// MARK: - Reads

extension SQLiteStore {
    /// The taxonomy stored by the last `catalog import`.
    public func taxonomy() throws -> Taxonomy {
        try read { db in try SQLiteStore.taxonomy(db) }
    }

    static func taxonomy(_ db: Database) throws -> Taxonomy {
        guard let json = try String.fetchOne(db, sql: "SELECT json FROM taxonomy WHERE id = 1") else {
            throw StoreError.noCatalog
        }
        return try JSONDecoder().decode(Taxonomy.self, from: Data(json.utf8))
    }

    /// Assets matching `filter`, in id order, or best match first for a full-text search.
    public func assets(matching filter: AssetFilter) throws -> [Asset] {
        try read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let job = filter.job {
                conditions.append("a.id IN (SELECT assetId FROM assetJob WHERE job = ?)")
                _ = arguments.append(contentsOf: [job.rawValue])
            }
            if let role = filter.role {
                conditions.append("a.id IN (SELECT assetId FROM assetRole WHERE role = ?)")
                _ = arguments.append(contentsOf: [role])
            }
            if let topic = filter.topic {
                conditions.append("a.id IN (SELECT assetId FROM assetTopic WHERE topic = ?)")
                _ = arguments.append(contentsOf: [topic])
            }
            if let format = filter.format {
                conditions.append("a.format = ?")
                _ = arguments.append(contentsOf: [format])
            }
            if let status = filter.status {
                conditions.append("a.status = ?")
                _ = arguments.append(contentsOf: [status.rawValue])
            }
            var sql: String
            if let search = filter.search {
                guard let pattern = FTS5Pattern(matchingAllPrefixesIn: search) else { return [] }
                sql = "SELECT a.id FROM asset a JOIN assetSearch s ON s.rowid = a.rowid WHERE assetSearch MATCH ?"
                arguments = [pattern] + arguments
                for condition in conditions { sql += " AND \(condition)" }
                sql += " ORDER BY bm25(assetSearch, 0, 10.0, 5.0, 1.0), a.id"
            } else {
                sql = "SELECT a.id FROM asset a"
                if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
                sql += " ORDER BY a.id"
            }
            let ids = try String.fetchAll(db, sql: sql, arguments: arguments)
            let byID = Dictionary(uniqueKeysWithValues: try SQLiteStore.fetchAssets(db, ids: ids).map { ($0.id, $0) })
            return ids.compactMap { byID[$0] }
        }
    }

    /// One asset by id, or `nil`.
    public func asset(id: String) throws -> Asset? {
        try read { db in try SQLiteStore.fetchAssets(db, ids: [id]).first }
    }

    /// The file an asset was imported from, when known.
    public func assetPath(id: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT path FROM asset WHERE id = ?", arguments: [id]) }
    }

    /// Loads assets with all their tags: one query per table, not one per asset.
    static func fetchAssets(_ db: Database, ids: [String]?) throws -> [Asset] {
        let filter: String
        let arguments: StatementArguments
        if let ids {
            if ids.isEmpty { return [] }
            filter = " WHERE \(ids.count == 1 ? "X = ?" : "X IN (SELECT value FROM json_each(?))")"
            arguments = ids.count == 1 ? [ids[0]] : [String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)]
        } else {
            filter = ""
            arguments = []
        }
        func tagRows(_ table: String, _ column: String) throws -> [String: [String]] {
            let rows = try AssetTagRow.fetchAll(db, sql: """
                SELECT assetId, \(column) AS value, position FROM \(table)\(filter.replacingOccurrences(of: "X", with: "assetId"))
                ORDER BY assetId, position
                """, arguments: arguments)
            return Dictionary(grouping: rows, by: \.assetId).mapValues { $0.map(\.value) }
        }
        let records = try AssetRecord.fetchAll(db, sql: "SELECT * FROM asset\(filter.replacingOccurrences(of: "X", with: "id")) ORDER BY id",
                                               arguments: arguments)
        let jobs = try tagRows("assetJob", "job")
        let roles = try tagRows("assetRole", "role")
        let topics = try tagRows("assetTopic", "topic")
        let industries = try tagRows("assetIndustry", "industry")
        let resolveRows = try AssetResolveRow.fetchAll(db, sql: """
            SELECT r.assetId, r.ordinal, r.topic, p.position FROM assetResolve r
            LEFT JOIN assetResolvePosition p ON p.assetId = r.assetId AND p.ordinal = r.ordinal
            \(filter.replacingOccurrences(of: "X", with: "r.assetId"))
            ORDER BY r.assetId, r.ordinal, p.rowid
            """, arguments: arguments)
        var resolves: [String: [Asset.Resolution]] = [:]
        for (assetID, rows) in Dictionary(grouping: resolveRows, by: \.assetId) {
            resolves[assetID] = Dictionary(grouping: rows, by: \.ordinal).sorted { $0.key < $1.key }.map { _, rows in
                Asset.Resolution(topic: rows[0].topic, positions: rows.compactMap(\.position))
            }
        }
        return try records.map { record in
            try record.asset(jobs: jobs[record.id] ?? [], roles: roles[record.id] ?? [], topics: topics[record.id] ?? [],
                         industries: industries[record.id] ?? [], resolves: resolves[record.id] ?? [])
        }
    }
}

// MARK: - Matching

extension SQLiteStore {
    /// The assets that can be recommended as of a day — published, not past their review date —
    /// with every tag the matcher reads and without their bodies.
    ///
    /// `next` runs this on every call, so it reads rows directly rather than through `Codable`
    /// and leaves the bodies (most of the bytes) in the database.
    public func matchableAssets(asOf: Day) throws -> [Asset] {
        try read { db in
            let live = "SELECT id FROM asset WHERE status = 'published' AND (reviewBy IS NULL OR reviewBy >= ?1)"
            let day = asOf.description
            func tags(_ table: String, _ column: String) throws -> [String: [String]] {
                var result: [String: [String]] = [:]
                let rows = try Row.fetchCursor(db, sql: "SELECT assetId, \(column) FROM \(table) WHERE assetId IN (\(live)) ORDER BY assetId, position",
                                               arguments: [day])
                while let row = try rows.next() { result[row[0], default: []].append(row[1]) }
                return result
            }
            let jobs = try tags("assetJob", "job")
            let roles = try tags("assetRole", "role")
            let topics = try tags("assetTopic", "topic")
            let industries = try tags("assetIndustry", "industry")
            var resolves: [String: [Asset.Resolution]] = [:]
            let resolveRows = try Row.fetchCursor(db, sql: """
                SELECT r.assetId, r.ordinal, r.topic, p.position FROM assetResolve r
                LEFT JOIN assetResolvePosition p ON p.assetId = r.assetId AND p.ordinal = r.ordinal
                WHERE r.assetId IN (\(live)) ORDER BY r.assetId, r.ordinal, p.rowid
                """, arguments: [day])
            var last: (asset: String, ordinal: Int)?
            while let row = try resolveRows.next() {
                let asset: String = row[0], ordinal: Int = row[1], position: String? = row[3]
                if last?.asset != asset || last?.ordinal != ordinal {
                    resolves[asset, default: []].append(Asset.Resolution(topic: row[2]))
                    last = (asset, ordinal)
                }
                if let position { resolves[asset]![resolves[asset]!.count - 1].positions.append(position) }
            }
            var assets: [Asset] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, title, summary, url, format, shareable, channel, minutes, published, reviewBy, owner
                FROM asset WHERE id IN (\(live)) ORDER BY id
                """, arguments: [day])
            while let row = try rows.next() {
                let id: String = row[0]
                assets.append(Asset(id: id, title: row[1], summary: row[2], url: row[3], format: row[4],
                                    jobs: try StoredValues.jobs(jobs[id] ?? [], asset: id), roles: roles[id] ?? [],
                                    topics: topics[id] ?? [], resolves: resolves[id] ?? [], shareable: row[5],
                                    channel: try StoredValues.channel(row[6], asset: id), minutes: row[7],
                                    industries: industries[id] ?? [], published: try StoredValues.day(row[8], "published", asset: id),
                                    reviewBy: try StoredValues.day(row[9], "reviewBy", asset: id), owner: row[10], status: .published))
            }
            return assets
        }
    }
}

extension SQLiteStore {
    public func dataVersions() throws -> (data: Int, catalog: Int) {
        try read { db in
            let row = try Row.fetchOne(db, sql: "SELECT version, catalog FROM storeVersion WHERE id = 1")
            return (row?["version"] ?? 0, row?["catalog"] ?? 0)
        }
    }
}
